namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>The answer to <c>GetMetricData</c>.</summary>
/// <param name="Results">One entry per series, in query order.</param>
/// <param name="Messages">Messages about the whole call.</param>
/// <param name="NextToken">Set when more pages remain.</param>
/// <param name="Attempts">HTTP attempts it took (retries included).</param>
public sealed record CloudWatchGetMetricDataResponse(
    IReadOnlyList<CloudWatchMetricDataResult> Results,
    IReadOnlyList<CloudWatchMessage> Messages,
    string? NextToken,
    int Attempts);
