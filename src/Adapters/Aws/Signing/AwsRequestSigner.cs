namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Signs <see cref="HttpRequestMessage"/>s with SigV4, taking time from a <see cref="TimeProvider"/>.</summary>
public sealed class AwsRequestSigner(IAwsCredentialsProvider credentialsProvider, TimeProvider timeProvider) : IAwsRequestSigner
{
    // Headers a proxy or the HTTP stack may add or rewrite after signing; signing them would break the signature.
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "connection", "expect", "transfer-encoding", "content-length",
    };

    /// <inheritdoc />
    public async Task<SigV4Signature> SignAsync(
        HttpRequestMessage request,
        ReadOnlyMemory<byte> body,
        AwsSigningScope scope,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var credentials = await credentialsProvider.GetCredentialsAsync(cancellationToken);
        var signedAt = timeProvider.GetUtcNow();

        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", SigV4Canonicalizer.AmzDate(signedAt));
        request.Headers.Remove("X-Amz-Security-Token");
        if (credentials.SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        var headers = new List<KeyValuePair<string, string>> { new("host", uri.IsDefaultPort ? uri.Host : uri.Authority) };
        headers.AddRange(Flatten(request.Headers));
        if (request.Content is not null)
        {
            headers.AddRange(Flatten(request.Content.Headers));
        }

        var signature = SigV4Signer.Sign(
            new SigV4Request(request.Method.Method, uri, headers, SigV4Canonicalizer.Sha256Hex(body.Span)),
            credentials,
            scope,
            signedAt);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return signature;
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(System.Net.Http.Headers.HttpHeaders headers) =>
        headers.NonValidated
            .Where(h => !UnsignedHeaders.Contains(h.Key) && !h.Key.Equals("host", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)));
}
