namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>A metric with the statistic and period to aggregate it by (<c>MetricStat</c>).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Period">Seconds per datapoint: 1, 5, 10, 20, 30 or a multiple of 60.</param>
/// <param name="Stat"><c>Average</c>, <c>Sum</c>, <c>Maximum</c>, <c>Minimum</c>, <c>SampleCount</c> or a percentile such as <c>p99</c>.</param>
public sealed record CloudWatchMetricStat(CloudWatchMetric Metric, int Period, string Stat);
