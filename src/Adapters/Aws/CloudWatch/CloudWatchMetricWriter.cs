using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Resilience;
using Polly;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// <c>PutMetricData</c> over CloudWatch's AWS JSON 1.0 protocol (the same signed transport and retry pipeline as
/// <see cref="CloudWatchJsonClient"/>): throttling, 5xx and network errors are retried with jittered backoff.
/// </summary>
public sealed class CloudWatchMetricWriter : ICloudWatchMetricWriter
{
    private const string PutMetricData = "PutMetricData";

    private readonly HttpClient _httpClient;
    private readonly AwsJsonTransport _transport;
    private readonly Uri _endpoint;
    private readonly AwsSigningScope _scope;
    private readonly ResiliencePipeline<AwsAttempt> _retry;

    /// <summary>Creates the writer for one region.</summary>
    public CloudWatchMetricWriter(HttpClient httpClient, IAwsRequestSigner signer, CloudWatchClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        _httpClient = httpClient;
        _transport = new AwsJsonTransport(
            httpClient, signer, "CloudWatch", CloudWatchJsonClient.ContentType, CloudWatchJsonClient.TargetPrefix, timeProvider);
        _endpoint = options.Endpoint;
        _scope = new AwsSigningScope(options.Region, CloudWatchJsonClient.SigningService);
        _retry = RetryPipeline.Create<AwsAttempt>(options, timeProvider, attempt => attempt.Retryable);
    }

    /// <inheritdoc />
    public async Task<int> PutMetricDataAsync(string metricNamespace, IReadOnlyList<CloudWatchMetricDatum> datums, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(datums);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(datums.Count, CloudWatchPutMetricDataBody.MaxDatumsPerRequest);
        var payload = CloudWatchPutMetricDataBody.Write(metricNamespace, datums);
        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await _transport.SendOnceAsync(_endpoint, _scope, PutMetricData, payload, _httpClient.Timeout, token);
            },
            cancellationToken);
        return outcome.Succeeded
            ? attempts
            : throw new CloudWatchApiException(
                outcome.ErrorCode ?? "Unknown", outcome.StatusCode, outcome.Message ?? "CloudWatch PutMetricData failed.", attempts, outcome.Retryable);
    }
}
