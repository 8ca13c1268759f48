namespace Autoscaler.Grains.Interfaces;

/// <summary>Current window values of one metric of a target.</summary>
/// <param name="Name">Metric name.</param>
/// <param name="Instances">Instances reporting it (ready or not, not missing).</param>
/// <param name="Missing">Instances silent past the staleness limit.</param>
/// <param name="Aggregates">Aggregation name (<c>avg</c>, <c>p95</c>, ...) → value over the window given by the key's suffix
/// (<c>avg_1m</c>, <c>avg_5m</c>, <c>avg_1h</c>...).</param>
/// <param name="Recent">Recent per-minute averages, oldest first, for charts.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.MetricSummary")]
public sealed record MetricSummary(string Name, int Instances, int Missing, IReadOnlyDictionary<string, double> Aggregates, IReadOnlyList<double> Recent);
