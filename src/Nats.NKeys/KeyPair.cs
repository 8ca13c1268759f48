using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace NATS.NKeys;

/// <summary>
/// An NKey: an Ed25519 key with a NATS role (user, account, …). NATS.Client.Core uses <see cref="FromSeed"/>,
/// <see cref="Sign"/> and <see cref="GetPublicKey"/> to answer the server's nonce challenge.
/// </summary>
public sealed class KeyPair : IDisposable
{
    /// <summary>Length in bytes of an Ed25519 signature.</summary>
    public const int SignatureLength = 64;

    private readonly PrefixByte _role;
    private readonly Ed25519PublicKeyParameters _publicKey;
    private byte[]? _seed;
    private Ed25519PrivateKeyParameters? _privateKey;

    private KeyPair(PrefixByte role, byte[]? seed, Ed25519PublicKeyParameters publicKey)
    {
        _role = role;
        _seed = seed;
        _privateKey = seed is null ? null : new Ed25519PrivateKeyParameters(seed);
        _publicKey = publicKey;
    }

    /// <summary>The role of this key (user, account, …).</summary>
    public PrefixByte Role => _role;

    /// <summary>Loads a key pair from its seed text (<c>S…</c>, 58 characters); throws <see cref="NKeysException"/> if invalid.</summary>
    public static KeyPair FromSeed(ReadOnlySpan<char> seed)
    {
        var raw = new byte[NKeyCodec.KeyLength];
        var role = NKeyCodec.DecodeSeed(seed, raw);
        var privateKey = new Ed25519PrivateKeyParameters(raw);
        return new KeyPair(role, raw, privateKey.GeneratePublicKey());
    }

    /// <summary>A verify-only key from its public text form (<c>U…</c>, <c>A…</c>, …).</summary>
    public static KeyPair FromPublicKey(ReadOnlySpan<char> publicKey)
    {
        var (role, key) = NKeyCodec.DecodePublic(publicKey);
        return new KeyPair(role, null, new Ed25519PublicKeyParameters(key));
    }

    /// <summary>Creates a fresh random key pair for <paramref name="role"/> (for example <see cref="PrefixByte.User"/>).</summary>
    public static KeyPair CreatePair(PrefixByte role)
    {
        if (role is PrefixByte.Seed or PrefixByte.Private)
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "A key pair's role must be a public key role.");
        }

        var seed = RandomNumberGenerator.GetBytes(NKeyCodec.KeyLength);
        return new KeyPair(role, seed, new Ed25519PrivateKeyParameters(seed).GeneratePublicKey());
    }

    /// <summary>The public key text form, which servers list in their configuration.</summary>
    public string GetPublicKey() => NKeyCodec.EncodePublic(_role, _publicKey.GetEncoded());

    /// <summary>The seed text form (secret): whoever holds it can sign as this key.</summary>
    public string GetSeed() => NKeyCodec.EncodeSeed(_role, RequireSeed());

    /// <summary>Signs <paramref name="input"/> into <paramref name="signature"/> (at least 64 bytes).</summary>
    public void Sign(ReadOnlyMemory<byte> input, Memory<byte> signature)
    {
        if (signature.Length < SignatureLength)
        {
            throw new ArgumentException($"The signature buffer must hold {SignatureLength} bytes.", nameof(signature));
        }

        var privateKey = _privateKey ?? throw new InvalidOperationException("This key pair has no seed: it can only verify.");
        privateKey.Sign(Ed25519.Algorithm.Ed25519, null, input.Span, signature.Span[..SignatureLength]);
    }

    /// <summary>True when <paramref name="signature"/> is this key's signature of <paramref name="input"/>.</summary>
    public bool Verify(ReadOnlyMemory<byte> input, ReadOnlyMemory<byte> signature) =>
        signature.Length == SignatureLength
        && _publicKey.Verify(Ed25519.Algorithm.Ed25519, null, input.Span, signature.Span);

    /// <summary>Wipes the seed from memory.</summary>
    public void Dispose()
    {
        if (_seed is not null)
        {
            CryptographicOperations.ZeroMemory(_seed);
        }

        _seed = null;
        _privateKey = null;
    }

    private byte[] RequireSeed() =>
        _seed ?? throw new InvalidOperationException("This key pair has no seed (verify-only or disposed).");
}
