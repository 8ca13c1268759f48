namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>Sends one <c>PutMetricData</c> batch (one namespace, within CloudWatch's limits; see
/// <see cref="CloudWatchPutMetricDataBody"/>). Throws <see cref="CloudWatchApiException"/> after the writer's own retries.</summary>
public interface ICloudWatchMetricWriter
{
    /// <summary>Writes <paramref name="datums"/> to <paramref name="metricNamespace"/>; returns the HTTP attempts made.</summary>
    public Task<int> PutMetricDataAsync(string metricNamespace, IReadOnlyList<CloudWatchMetricDatum> datums, CancellationToken cancellationToken);
}
