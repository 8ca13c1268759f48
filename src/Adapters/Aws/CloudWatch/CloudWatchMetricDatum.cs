namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>One value for <c>PutMetricData</c>: a metric of a namespace, its dimensions, unit (<c>Count</c>,
/// <c>Percent</c>, <c>Milliseconds</c>, ...) and timestamp.</summary>
public sealed record CloudWatchMetricDatum(
    string Namespace, string MetricName, IReadOnlyList<CloudWatchDimension> Dimensions, double Value, string Unit, DateTimeOffset Timestamp);
