using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>
/// Server-side SigV4 check written independently of the production signer (plain HMAC-SHA256, AWS's documented steps):
/// rebuilds the canonical request from what the server received and recomputes the signature.
/// </summary>
public static partial class SigV4Verifier
{
    public static (bool Valid, string Reason) Verify(RecordedRequest request, string secretKey)
    {
        var authorization = request.Header("authorization");
        var match = authorization is null ? null : AuthorizationPattern().Match(authorization);
        if (match is null || !match.Success)
        {
            return (false, "no AWS4-HMAC-SHA256 Authorization header");
        }

        var (date, region, service) = (match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        var signedHeaders = match.Groups["signed"].Value;
        var amzDate = request.Header("x-amz-date") ?? string.Empty;
        if (!amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return (false, "credential date does not match x-amz-date");
        }

        var canonicalHeaders = string.Concat(signedHeaders.Split(';')
            .Select(name => $"{name}:{(request.Header(name) ?? string.Empty).Trim()}\n"));
        var canonicalRequest = string.Join(
            '\n',
            request.Method,
            request.Path,
            request.Query.TrimStart('?'),
            canonicalHeaders,
            signedHeaders,
            Hex(SHA256.HashData(request.Body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return expected == match.Groups["signature"].Value ? (true, "ok") : (false, "signature mismatch");
    }

    public static DateTimeOffset AmzDate(RecordedRequest request) => DateTimeOffset.ParseExact(
        request.Header("x-amz-date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
