using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// The webhook signature: <c>sha256=</c> + lower-case hex of HMAC-SHA256(secret, <c>{timestamp}.{raw body}</c>).
/// The timestamp is inside the MAC so a captured request cannot be replayed later with a fresh timestamp header;
/// receivers reject timestamps outside a tolerance (<see cref="Verify"/>).
/// </summary>
public static class WebhookSignature
{
    /// <summary>Prefix of the signature header value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds as text).</summary>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>
    /// Receiver side: true when <paramref name="signature"/> matches and <paramref name="timestamp"/> is within
    /// <paramref name="tolerance"/> of <paramref name="now"/>. Compares in constant time.
    /// </summary>
    public static bool Verify(
        string secret,
        string? timestamp,
        string? signature,
        ReadOnlySpan<byte> body,
        DateTimeOffset now,
        TimeSpan tolerance)
    {
        if (timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - sentAt).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
