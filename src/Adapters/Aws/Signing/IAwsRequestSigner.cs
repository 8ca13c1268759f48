namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Adds SigV4 headers (<c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, <c>Authorization</c>) to a request.</summary>
public interface IAwsRequestSigner
{
    /// <summary>
    /// Signs <paramref name="request"/> whose body is exactly <paramref name="body"/>. Every header already on the request
    /// and its content (except <c>User-Agent</c>-like ones proxies rewrite) is signed, plus <c>host</c>.
    /// </summary>
    public Task<SigV4Signature> SignAsync(
        HttpRequestMessage request,
        ReadOnlyMemory<byte> body,
        AwsSigningScope scope,
        CancellationToken cancellationToken);
}
