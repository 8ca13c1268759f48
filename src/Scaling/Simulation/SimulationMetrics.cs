using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// The simulator's <see cref="IMetricQuery"/>, shaped like a silo's: a window of what each evaluation saw of a metric
/// (its single value: the per-instance mean, or the aggregate), held at every evaluation so a window never reads "no
/// data" between sparse trace entries, kept for an hour (or the longest window asked for); and per forecast step the
/// metric's total (sum over instances, or the aggregate), which predictive policies forecast. Memory is bounded
/// whatever the trace's length.
/// </summary>
internal sealed class SimulationMetrics : IMetricQuery
{
    private const int MinimumSteps = 14 * 24;

    private readonly Dictionary<string, List<MetricPoint>> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Metric, long Step), StepTotals> _totals = [];
    private readonly Dictionary<string, List<StepTotals>> _totalsByMetric = new(StringComparer.Ordinal);
    private TimeSpan _retain = TimeSpan.FromHours(1);

    /// <summary>Prepares a step history for <paramref name="metric"/> (a forecast's metric, step and season).</summary>
    public void Track(string metric, TimeSpan step, int seasonLength) =>
        TotalsFor(metric, step, Math.Max(MinimumSteps, 3 * seasonLength));

    /// <summary>Records what an evaluation at <paramref name="at"/> sees.</summary>
    public void Record(DateTimeOffset at, IReadOnlyDictionary<string, MetricReading> readings)
    {
        foreach (var (name, reading) in readings)
        {
            if (reading.Scalar() is { } value)
            {
                if (!_windows.TryGetValue(name, out var points))
                {
                    points = [];
                    _windows[name] = points;
                }

                points.Add(new MetricPoint(at, value));
                Trim(points, at);
            }

            if (Total(reading) is { } total && _totalsByMetric.TryGetValue(name, out var histories))
            {
                foreach (var history in histories)
                {
                    history.Record(at, total);
                }
            }
        }
    }

    /// <inheritdoc />
    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now)
    {
        if (window > _retain)
        {
            _retain = window;
        }

        return _windows.TryGetValue(metric, out var points)
            ? PointAggregation.Aggregate(points, aggregation, now - window, now)
            : aggregation == Aggregation.Count ? new WindowAggregate(0, 0) : WindowAggregate.Empty;
    }

    /// <inheritdoc />
    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now) =>
        _totals.TryGetValue((metric, step.Ticks), out var history)
            ? history.Series(now)
            : TotalsFor(metric, step, MinimumSteps).Series(now);

    /// <summary>The metric's total: the sum over instances with a sample, or the aggregate value.</summary>
    public static double? Total(MetricReading reading)
    {
        if (reading.Value is { } value)
        {
            return value;
        }

        if (reading.Instances is not { Count: > 0 } instances)
        {
            return null;
        }

        var sum = 0.0;
        var any = false;
        for (var i = 0; i < instances.Count; i++)
        {
            if (instances[i].Value is { } sample)
            {
                sum += sample;
                any = true;
            }
        }

        return any ? sum : null;
    }

    private StepTotals TotalsFor(string metric, TimeSpan step, int capacity)
    {
        if (!_totals.TryGetValue((metric, step.Ticks), out var history))
        {
            history = new StepTotals(step, capacity);
            _totals[(metric, step.Ticks)] = history;
            if (!_totalsByMetric.TryGetValue(metric, out var list))
            {
                list = [];
                _totalsByMetric[metric] = list;
            }

            list.Add(history);
        }

        return history;
    }

    private void Trim(List<MetricPoint> points, DateTimeOffset now)
    {
        // Drop old points in bulk once they are half the list, so trimming costs O(1) per point.
        var cutoff = now - _retain;
        if (points.Count < 64 || points[points.Count / 2].At > cutoff)
        {
            return;
        }

        var keep = points.FindIndex(point => point.At > cutoff);
        points.RemoveRange(0, keep < 0 ? points.Count : keep);
    }
}
