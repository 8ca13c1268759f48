using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>
/// Builds the SigV4 canonical request and string to sign. The AWS SDK's own canonicalization is not public in
/// AWSSDK.Core 4, so this part is ours; the keyed hashing is the SDK's (<see cref="SigV4Signer"/>).
/// </summary>
public static partial class SigV4Canonicalizer
{
    /// <summary>The only algorithm this project signs with.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex SHA-256 of an empty payload.</summary>
    public const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Returns the canonical request and the semicolon-separated signed header names.</summary>
    public static (string CanonicalRequest, string SignedHeaders) CanonicalRequest(SigV4Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => NormalizeHeaderValue(h.Value)))))
            .ToList();
        var signedHeaders = string.Join(";", headers.Select(h => h.Name));
        var builder = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalUri(request.Uri)).Append('\n')
            .Append(CanonicalQuery(request.Uri)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(request.PayloadSha256Hex);
        return (builder.ToString(), signedHeaders);
    }

    /// <summary>The string to sign for a canonical request at <paramref name="signedAt"/> in <paramref name="scope"/>.</summary>
    public static string StringToSign(string canonicalRequest, AwsSigningScope scope, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return string.Join(
            '\n',
            Algorithm,
            AmzDate(signedAt),
            CredentialScope(scope, signedAt),
            Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest)));
    }

    /// <summary><c>yyyyMMdd/region/service/aws4_request</c>.</summary>
    public static string CredentialScope(AwsSigningScope scope, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return $"{signedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{scope.Region}/{scope.Service}/aws4_request";
    }

    /// <summary>The <c>x-amz-date</c> form of an instant: <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    public static string AmzDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    private static string CanonicalUri(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "/";
        }

        // Each segment is decoded then encoded once with RFC 3986's unreserved set, as the published test suite expects.
        return string.Join("/", path.Split('/').Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment))));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join(
            "&",
            query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair =>
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    var name = equals < 0 ? pair : pair[..equals];
                    var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                    return (Name: Encode(name), Value: Encode(value));
                })
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={p.Value}"));

        static string Encode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));
    }

    private static string NormalizeHeaderValue(string value) => Whitespace().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
