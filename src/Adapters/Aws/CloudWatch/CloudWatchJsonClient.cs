using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Adapters.Aws.Signing;

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

    private readonly CloudWatchJsonCaller _caller;

    /// <summary>Creates the client for one region; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public CloudWatchJsonClient(HttpClient httpClient, IAwsRequestSigner signer, CloudWatchClientOptions options, TimeProvider timeProvider) =>
        _caller = new CloudWatchJsonCaller(httpClient, signer, options, timeProvider);

    /// <inheritdoc />
    public async Task<CloudWatchGetMetricDataResponse> GetMetricDataAsync(
        CloudWatchGetMetricDataRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonSerializer.SerializeToUtf8Bytes(CloudWatchJsonBody.Write(request));
        var (outcome, attempts) = await _caller.CallAsync(GetMetricData, payload, cancellationToken);
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
