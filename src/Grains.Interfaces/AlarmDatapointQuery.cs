namespace Autoscaler.Grains.Interfaces;

/// <summary>An alarm's request for datapoints from a target's metric windows.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Statistic">CloudWatch's name: <c>Average</c>, <c>Sum</c>, <c>Minimum</c>, <c>Maximum</c>,
/// <c>SampleCount</c>, <c>p50</c>, <c>p90</c>, <c>p95</c>, <c>p99</c>.</param>
/// <param name="PeriodSeconds">Period length.</param>
/// <param name="Count">How many consecutive periods.</param>
/// <param name="End">End of the newest period.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AlarmDatapointQuery")]
public sealed record AlarmDatapointQuery(string Metric, string Statistic, int PeriodSeconds, int Count, DateTimeOffset End);
