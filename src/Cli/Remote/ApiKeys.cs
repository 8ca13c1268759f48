using System.Security.Cryptography;
using System.Text;

namespace Autoscaler.Cli.Remote;

/// <summary>
/// API keys and their configured hashes in the silo's format (<c>Autoscaler.Silo.Api.Security.ApiKeyHasher</c>; the CLI
/// does not reference the silo): key <c>ask_</c> + 32 random bytes base64url; hash <c>hmac-sha256$salt$mac</c> with a
/// 16-byte random salt and HMAC-SHA256(salt, UTF-8 key), base64url without padding. A test checks that the silo verifies
/// these hashes.
/// </summary>
public static class ApiKeys
{
    /// <summary>A new random API key.</summary>
    public static string NewKey() => "ask_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hash to put in <c>Api:Keys:N:Hash</c> for <paramref name="key"/>, with a fresh salt.</summary>
    public static string Hash(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"hmac-sha256${Base64Url(salt)}${Base64Url(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(key)))}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
