using System.Security.Cryptography;

namespace Autoscaler.Silo.Api.Security;

/// <summary>A stored key hash split into its salt and MAC.</summary>
public readonly record struct ParsedApiKeyHash(byte[] Salt, byte[] Mac)
{
    /// <summary>True when <paramref name="key"/> hashes to this MAC; the comparison takes the same time wherever the
    /// bytes differ.</summary>
    public bool Matches(string key) =>
        Salt is not null && CryptographicOperations.FixedTimeEquals(ApiKeyHasher.Mac(Salt, key), Mac);
}
