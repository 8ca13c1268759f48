using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Resilience;
using Polly;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// One CloudWatch operation over the AWS JSON 1.0 protocol (<c>POST /</c>, <c>X-Amz-Target: GraniteServiceVersion20100801.*</c>),
/// SigV4-signed for service <c>monitoring</c>, retrying throttling, 5xx and network errors with jittered exponential
/// backoff on the given <see cref="TimeProvider"/>; what still fails is a <see cref="CloudWatchApiException"/>. Shared by
/// the reading client and the metric writer.
/// </summary>
internal sealed class CloudWatchJsonCaller
{
    private readonly HttpClient _httpClient;
    private readonly AwsJsonTransport _transport;
    private readonly Uri _endpoint;
    private readonly AwsSigningScope _scope;
    private readonly ResiliencePipeline<AwsAttempt> _retry;

    /// <summary>Creates the caller for one region.</summary>
    public CloudWatchJsonCaller(HttpClient httpClient, IAwsRequestSigner signer, CloudWatchClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _httpClient = httpClient;
        _transport = new AwsJsonTransport(
            httpClient, signer, "CloudWatch", CloudWatchJsonClient.ContentType, CloudWatchJsonClient.TargetPrefix, timeProvider);
        _endpoint = options.Endpoint;
        _scope = new AwsSigningScope(options.Region, CloudWatchJsonClient.SigningService);
        _retry = RetryPipeline.Create<AwsAttempt>(options, timeProvider, attempt => attempt.Retryable);
    }

    /// <summary>Calls <paramref name="operation"/> with <paramref name="payload"/>; returns the successful attempt and how many it took.</summary>
    public async Task<(AwsAttempt Outcome, int Attempts)> CallAsync(string operation, byte[] payload, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await _transport.SendOnceAsync(_endpoint, _scope, operation, payload, _httpClient.Timeout, token);
            },
            cancellationToken);
        return outcome.Succeeded
            ? (outcome, attempts)
            : throw new CloudWatchApiException(
                outcome.ErrorCode ?? "Unknown", outcome.StatusCode, outcome.Message ?? $"CloudWatch {operation} failed.", attempts, outcome.Retryable);
    }
}
