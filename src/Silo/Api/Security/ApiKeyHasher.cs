using System.Security.Cryptography;
using System.Text;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Creates API keys and the hashes configuration stores instead of them. Depends on nothing but the BCL so the
/// CLI can expose it (<c>autoscaler keys hash</c>).
/// <para>Key: <c>ask_</c> + 32 random bytes in base64url (256 bits; no dots, so it is never mistaken for a JWT).</para>
/// <para>Hash: <c>hmac-sha256$&lt;salt&gt;$&lt;mac&gt;</c>, both base64url: a random 16-byte salt per key and
/// HMAC-SHA256(salt, UTF-8 key). A keyed fast hash rather than PBKDF2 on purpose: generated keys carry 256 bits of
/// entropy, so stretching adds no protection against guessing, while it would cost milliseconds of CPU per request per
/// configured key, a lever for denial of service. The salt keeps equal keys from having equal hashes.</para></summary>
public static class ApiKeyHasher
{
    /// <summary>The prefix of every hash this version writes.</summary>
    public const string Scheme = "hmac-sha256";

    /// <summary>The prefix of generated keys (lets secret scanners recognize them).</summary>
    public const string KeyPrefix = "ask_";

    private const int SaltBytes = 16;
    private const int KeyBytes = 32;
    private const int MacBytes = 32;

    /// <summary>A new random API key.</summary>
    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The hash to configure for <paramref name="key"/>, with a fresh salt.</summary>
    public static string Hash(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Scheme}${Base64Url(salt)}${Base64Url(Mac(salt, key))}";
    }

    /// <summary>True when <paramref name="key"/> matches <paramref name="hash"/> (constant time in the key).</summary>
    public static bool Verify(string key, string hash) =>
        TryParse(hash, out var parsed) && parsed.Matches(key);

    /// <summary>Parses a stored hash; false when it is not in the format above.</summary>
    public static bool TryParse(string? hash, out ParsedApiKeyHash parsed)
    {
        parsed = default;
        var parts = hash?.Trim().Split('$');
        if (parts is not [Scheme, var saltText, var macText])
        {
            return false;
        }

        var salt = FromBase64Url(saltText);
        var mac = FromBase64Url(macText);
        if (salt is not { Length: >= SaltBytes } || mac is not { Length: MacBytes })
        {
            return false;
        }

        parsed = new ParsedApiKeyHash(salt, mac);
        return true;
    }

    internal static byte[] Mac(byte[] salt, string key) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
