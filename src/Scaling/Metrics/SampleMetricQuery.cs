using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Metrics;

/// <summary>
/// <see cref="IMetricQuery"/> over in-memory point lists: the offline evaluator's <c>samples</c> and the simulator's trace
/// so far.
/// </summary>
public sealed class SampleMetricQuery : IMetricQuery
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> _series;

    /// <summary>Creates a query over per-metric point lists, each sorted by time.</summary>
    public SampleMetricQuery(IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> series)
    {
        _series = series;
    }

    /// <summary>
    /// A query over an evaluation's readings: a metric's <c>samples</c> when given, else its single value as one point at
    /// <paramref name="now"/>.
    /// </summary>
    public static SampleMetricQuery FromReadings(IReadOnlyDictionary<string, MetricReading> metrics, DateTimeOffset now)
    {
        var series = new Dictionary<string, IReadOnlyList<MetricPoint>>(metrics.Count, StringComparer.Ordinal);
        foreach (var (name, reading) in metrics)
        {
            if (reading.Samples is { Count: > 0 } samples)
            {
                series[name] = samples;
            }
            else if (reading.Scalar() is { } value)
            {
                series[name] = [new MetricPoint(now, value)];
            }
        }

        return new SampleMetricQuery(series);
    }

    /// <inheritdoc />
    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now) =>
        _series.TryGetValue(metric, out var points)
            ? PointAggregation.Aggregate(points, aggregation, now - window, now)
            : aggregation == Aggregation.Count ? new WindowAggregate(0, 0) : WindowAggregate.Empty;

    /// <inheritdoc />
    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now)
    {
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive.");
        }

        if (!_series.TryGetValue(metric, out var points))
        {
            return null;
        }

        return PointSeries.Resample(points, step, now);
    }
}
