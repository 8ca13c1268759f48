using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Metrics;

/// <summary>
/// A <see cref="SampleMetricQuery"/> over an evaluation's readings, built on first use: most evaluations never ask for a
/// window, and grains call the engine every second. The evaluator reuses one per target (<see cref="Reset"/>).
/// </summary>
internal sealed class LazyReadingsQuery : IMetricQuery
{
    private IReadOnlyDictionary<string, MetricReading> _metrics = new Dictionary<string, MetricReading>();
    private DateTimeOffset _now;
    private SampleMetricQuery? _query;

    private SampleMetricQuery Query => _query ??= SampleMetricQuery.FromReadings(_metrics, _now);

    /// <summary>Answers from <paramref name="metrics"/> as of <paramref name="now"/> from now on.</summary>
    public LazyReadingsQuery Reset(IReadOnlyDictionary<string, MetricReading> metrics, DateTimeOffset now)
    {
        _metrics = metrics;
        _now = now;
        _query = null;
        return this;
    }

    /// <inheritdoc />
    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now) =>
        Query.Aggregate(metric, aggregation, window, now);

    /// <inheritdoc />
    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now) => Query.Series(metric, step, now);
}
