using System.Net.Http.Headers;
using Autoscaler.Adapters.Aws.Signing;

namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// One signed attempt at an operation of an AWS JSON protocol service (ECS, CloudWatch): <c>POST</c> of the payload with
/// the service's media type and <c>X-Amz-Target</c>, SigV4-signed, its outcome classified for the retry pipeline
/// (throttling, 5xx, network errors and the per-request timeout are retryable; other errors and missing credentials not).
/// </summary>
/// <param name="httpClient">The client from the HTTP client factory.</param>
/// <param name="signer">Signs each attempt.</param>
/// <param name="serviceName">The service's name in messages (<c>ECS</c>).</param>
/// <param name="contentType">The protocol's media type (<c>application/x-amz-json-1.1</c>).</param>
/// <param name="targetPrefix">The operations' <c>X-Amz-Target</c> prefix.</param>
/// <param name="timeProvider">Runs the per-request timeout.</param>
public sealed class AwsJsonTransport(
    HttpClient httpClient, IAwsRequestSigner signer, string serviceName, string contentType, string targetPrefix, TimeProvider timeProvider)
{
    private readonly AwsSignedSender _sender = new(httpClient, signer, serviceName, timeProvider);

    /// <summary>Sends <paramref name="operation"/> once, within <paramref name="requestTimeout"/> and the caller's token.</summary>
    public Task<AwsAttempt> SendOnceAsync(
        Uri endpoint, AwsSigningScope scope, string operation, byte[] payload, TimeSpan requestTimeout, CancellationToken cancellationToken) =>
        _sender.SendOnceAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                request.Headers.TryAddWithoutValidation("X-Amz-Target", targetPrefix + operation);
                return request;
            },
            payload,
            scope,
            operation,
            requestTimeout,
            ReadFailure,
            cancellationToken);

    private AwsAttempt ReadFailure(HttpResponseMessage response, string body)
    {
        var error = AwsJsonError.Parse(
            response.StatusCode, body, AwsSignedSender.Header(response, "x-amzn-ErrorType"), AwsSignedSender.Header(response, "x-amzn-query-error"));
        return AwsAttempt.Failure(
            error.Code, error.StatusCode, error.Message ?? $"{_sender.ServiceName} returned HTTP {error.StatusCode} ({error.Code}).", error.Retryable);
    }
}
