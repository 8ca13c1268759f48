namespace Autoscaler.Grains.Interfaces;

/// <summary>Current window values of one metric of a target.</summary>
/// <param name="Name">Metric name.</param>
/// <param name="Instances">Instances reporting it (ready or not, not missing).</param>
/// <param name="Missing">Instances silent past the staleness limit.</param>
/// <param name="Aggregates">Aggregation name (<c>avg</c>, <c>p95</c>, ...) → value over the window given by the key's suffix
/// (<c>avg_1m</c>, <c>avg_5m</c>, <c>avg_1h</c>...).</param>
/// <param name="Recent">The average of each bucket of the window, oldest first, for charts: NaN for a bucket without
/// samples; the last is the bucket in progress.</param>
/// <param name="RecentStart">When the first bucket of <paramref name="Recent"/> starts (null from older silos: then the
/// last value is taken as now, one minute apart).</param>
/// <param name="RecentStepSeconds">The width of a bucket.</param>
/// <param name="Latest">The average of the latest values of the instances still reporting, if any: the value now.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.MetricSummary")]
public sealed record MetricSummary(
    string Name,
    int Instances,
    int Missing,
    IReadOnlyDictionary<string, double> Aggregates,
    IReadOnlyList<double> Recent,
    DateTimeOffset? RecentStart = null,
    int RecentStepSeconds = 60,
    double? Latest = null);
