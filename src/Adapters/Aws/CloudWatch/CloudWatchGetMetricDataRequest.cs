namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>A <c>GetMetricData</c> call: the queries and the time window, sent with second precision.</summary>
/// <param name="Queries">At least one; CloudWatch accepts up to 500.</param>
/// <param name="StartTime">Inclusive start; align it to the period for consistent datapoints.</param>
/// <param name="EndTime">Exclusive end.</param>
/// <param name="ScanBy"><c>TimestampDescending</c> (newest first) or <c>TimestampAscending</c>; null leaves CloudWatch's default.</param>
/// <param name="MaxDatapoints">Upper bound of datapoints per page; null for CloudWatch's default.</param>
/// <param name="NextToken">The token of the previous page, to read the next one.</param>
public sealed record CloudWatchGetMetricDataRequest(
    IReadOnlyList<CloudWatchMetricDataQuery> Queries,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string? ScanBy = CloudWatchGetMetricDataRequest.NewestFirst,
    int? MaxDatapoints = null,
    string? NextToken = null)
{
    /// <summary>The <c>ScanBy</c> value that returns the newest datapoints first.</summary>
    public const string NewestFirst = "TimestampDescending";
}
