namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// The CloudWatch operation the autoscaler needs, shaped like the official AWSSDK.CloudWatch client's
/// <c>GetMetricDataAsync</c> so that package can stand behind it once it is available. Failures throw
/// <see cref="CloudWatchApiException"/> after the client's own retries; cancellation throws
/// <see cref="OperationCanceledException"/>.
/// </summary>
public interface ICloudWatchClient
{
    /// <summary>One page of <c>GetMetricData</c>.</summary>
    public Task<CloudWatchGetMetricDataResponse> GetMetricDataAsync(CloudWatchGetMetricDataRequest request, CancellationToken cancellationToken);
}
