namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Adds SigV4 headers (<c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, <c>Authorization</c>) to a request.</summary>
public interface IAwsRequestSigner
{
    /// <summary>
    /// Signs <paramref name="request"/> whose body is exactly <paramref name="body"/>. Signed: <c>host</c> and every header
    /// already on the request and its content, except those the HTTP stack or a proxy may add or rewrite after signing
    /// (<c>Authorization</c>, <c>User-Agent</c>, <c>Content-Length</c>, <c>Connection</c>, <c>Expect</c>, <c>Transfer-Encoding</c>).
    /// Sign each attempt anew: the signature covers the time it was made.
    /// </summary>
    public Task<SigV4Signature> SignAsync(
        HttpRequestMessage request,
        ReadOnlyMemory<byte> body,
        AwsSigningScope scope,
        CancellationToken cancellationToken);
}
