using Amazon.Runtime.Internal.Auth;

namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>
/// Signs a canonicalized request with the AWS SDK's own SigV4 key derivation and HMAC
/// (<see cref="AWS4Signer.ComputeSignature(string, string, string, DateTime, string, string, string)"/>). That type
/// lives in an "Internal" namespace: AWSSDK.Core is pinned centrally and the published test-suite case guards upgrades.
/// </summary>
public static class SigV4Signer
{
    /// <summary>Computes the signature and the <c>Authorization</c> header value for <paramref name="request"/>.</summary>
    public static SigV4Signature Sign(SigV4Request request, AwsCredentials credentials, AwsSigningScope scope, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);
        var (canonicalRequest, signedHeaders) = SigV4Canonicalizer.CanonicalRequest(request);
        var result = AWS4Signer.ComputeSignature(
            credentials.AccessKeyId,
            credentials.SecretAccessKey,
            scope.Region,
            signedAt.UtcDateTime,
            scope.Service,
            signedHeaders,
            canonicalRequest);
        return new SigV4Signature(
            canonicalRequest,
            SigV4Canonicalizer.StringToSign(canonicalRequest, scope, signedAt),
            signedHeaders,
            result.Signature,
            result.ForAuthorizationHeader);
    }
}
