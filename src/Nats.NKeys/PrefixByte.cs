namespace NATS.NKeys;

/// <summary>
/// The role byte at the front of an encoded NKey. Values are multiples of 8 so the first base32 character is readable
/// ('S' seed, 'P' private, 'U' user, 'A' account, 'O' operator, 'N' server, 'C' cluster, 'X' curve).
/// </summary>
public enum PrefixByte : byte
{
    /// <summary>Account public key, 'A'.</summary>
    Account = 0,

    /// <summary>Cluster public key, 'C'.</summary>
    Cluster = 2 << 3,

    /// <summary>Server public key, 'N'.</summary>
    Server = 13 << 3,

    /// <summary>Operator public key, 'O'.</summary>
    Operator = 14 << 3,

    /// <summary>Raw private key, 'P'.</summary>
    Private = 15 << 3,

    /// <summary>Seed, 'S' (followed by the role of the key it seeds).</summary>
    Seed = 18 << 3,

    /// <summary>User public key, 'U'.</summary>
    User = 20 << 3,

    /// <summary>Curve (x25519) key, 'X'.</summary>
    Curve = 23 << 3,
}
