using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Metrics;

/// <summary>
/// A <see cref="SampleMetricQuery"/> over an evaluation's readings, built on first use: most evaluations never ask for a
/// window, and grains call the engine every second.
/// </summary>
internal sealed class LazyReadingsQuery(IReadOnlyDictionary<string, MetricReading> metrics, DateTimeOffset now) : IMetricQuery
{
    private SampleMetricQuery? _query;

    private SampleMetricQuery Query => _query ??= SampleMetricQuery.FromReadings(metrics, now);

    /// <inheritdoc />
    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now) =>
        Query.Aggregate(metric, aggregation, window, now);

    /// <inheritdoc />
    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now) => Query.Series(metric, step, now);
}
