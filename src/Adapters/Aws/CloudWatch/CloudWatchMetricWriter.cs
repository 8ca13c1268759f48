namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// <c>PutMetricData</c> over CloudWatch's AWS JSON 1.0 protocol (the same signed transport and retry pipeline as
/// <see cref="CloudWatchJsonClient"/>): throttling, 5xx and network errors are retried with jittered backoff.
/// </summary>
public sealed class CloudWatchMetricWriter : ICloudWatchMetricWriter
{
    private const string PutMetricData = "PutMetricData";

    private readonly CloudWatchJsonCaller _caller;

    /// <summary>Creates the writer for one region.</summary>
    public CloudWatchMetricWriter(HttpClient httpClient, Signing.IAwsRequestSigner signer, CloudWatchClientOptions options, TimeProvider timeProvider) =>
        _caller = new CloudWatchJsonCaller(httpClient, signer, options, timeProvider);

    /// <inheritdoc />
    public async Task<int> PutMetricDataAsync(string metricNamespace, IReadOnlyList<CloudWatchMetricDatum> datums, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(datums);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(datums.Count, CloudWatchPutMetricDataBody.MaxDatumsPerRequest);
        var (_, attempts) = await _caller.CallAsync(PutMetricData, CloudWatchPutMetricDataBody.Write(metricNamespace, datums), cancellationToken);
        return attempts;
    }
}
