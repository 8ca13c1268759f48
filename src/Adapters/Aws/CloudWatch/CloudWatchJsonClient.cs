using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Resilience;
using Polly;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// CloudWatch over its AWS JSON 1.0 protocol (<c>POST /</c>, <c>X-Amz-Target: GraniteServiceVersion20100801.*</c>),
/// SigV4-signed for service <c>monitoring</c>, retrying throttling, 5xx and network errors with jittered exponential
/// backoff on the given <see cref="TimeProvider"/>. The caller's token bounds the whole call, retries included.
/// </summary>
public sealed class CloudWatchJsonClient : ICloudWatchClient
{
    /// <summary>Target prefix of every CloudWatch operation.</summary>
    public const string TargetPrefix = "GraniteServiceVersion20100801.";

    /// <summary>Media type of the AWS JSON 1.0 protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>The SigV4 service name of CloudWatch.</summary>
    public const string SigningService = "monitoring";

    private const string GetMetricData = "GetMetricData";

    private readonly HttpClient _httpClient;
    private readonly AwsJsonTransport _transport;
    private readonly Uri _endpoint;
    private readonly AwsSigningScope _scope;
    private readonly ResiliencePipeline<AwsAttempt> _retry;

    /// <summary>Creates the client for one region; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public CloudWatchJsonClient(HttpClient httpClient, IAwsRequestSigner signer, CloudWatchClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _httpClient = httpClient;
        _transport = new AwsJsonTransport(httpClient, signer, "CloudWatch", ContentType, TargetPrefix, timeProvider);
        _endpoint = options.Endpoint;
        _scope = new AwsSigningScope(options.Region, SigningService);
        _retry = RetryPipeline.Create<AwsAttempt>(options, timeProvider, attempt => attempt.Retryable);
    }

    /// <inheritdoc />
    public async Task<CloudWatchGetMetricDataResponse> GetMetricDataAsync(
        CloudWatchGetMetricDataRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonSerializer.SerializeToUtf8Bytes(CloudWatchJsonBody.Write(request));
        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await _transport.SendOnceAsync(_endpoint, _scope, GetMetricData, payload, _httpClient.Timeout, token);
            },
            cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new CloudWatchApiException(
                outcome.ErrorCode ?? "Unknown", outcome.StatusCode, outcome.Message ?? "CloudWatch call failed.", attempts, outcome.Retryable);
        }

        try
        {
            return CloudWatchJsonBody.ReadGetMetricData(outcome.Body, attempts);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new CloudWatchApiException(
                "MalformedResponse", 200, $"CloudWatch {GetMetricData} returned an unexpected body: {ex.Message}", attempts, retryable: true, ex);
        }
    }
}
