using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Windows;

/// <summary>
/// The engine's <see cref="IMetricQuery"/> over live <see cref="MetricWindow"/>s and <see cref="MetricHistory"/>s, so
/// grains evaluate policies against their windows. Aggregations are allocation-free; <see cref="Series"/> answers at the
/// history's own step (callers check <see cref="HistorySeries.Step"/>). Not thread-safe, like the windows.
/// </summary>
public sealed class WindowMetricQuery : IMetricQuery
{
    /// <summary>The instance id that marks a single-series (aggregate) metric.</summary>
    public const string AggregateInstance = "";

    private readonly Dictionary<string, MetricWindow> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetricHistory> _histories = new(StringComparer.Ordinal);

    /// <summary>Names of the metrics with a window.</summary>
    public IEnumerable<string> Metrics => _windows.Keys;

    /// <summary>
    /// How old a sample may be and still be acted on; null: no limit beyond each window's staleness. A metric whose newest
    /// sample is older has no data (its aggregates are empty, its reading absent), and an instance whose latest sample is
    /// older reads as missing, so no policy scales on values the source has stopped sending (Kubernetes' HPA does not
    /// scale on metrics it cannot read fresh). Series (forecasting history) are not affected.
    /// </summary>
    public TimeSpan? Freshness { get; set; }

    /// <summary>True when <paramref name="window"/> has a sample no older than <see cref="Freshness"/> at <paramref name="nowTicks"/>.</summary>
    public bool IsFresh(MetricWindow window, long nowTicks)
    {
        ArgumentNullException.ThrowIfNull(window);
        return Freshness is not { } limit || (window.LatestSampleTicks != long.MinValue && nowTicks - window.LatestSampleTicks <= limit.Ticks);
    }

    /// <summary>Registers (or replaces) the window, and optionally the long history, of <paramref name="metric"/>.</summary>
    public WindowMetricQuery Add(string metric, MetricWindow window, MetricHistory? history = null)
    {
        _windows[metric] = window;
        if (history is not null)
        {
            _histories[metric] = history;
        }

        return this;
    }

    /// <summary>Number of metrics with a window.</summary>
    public int Count => _windows.Count;

    /// <summary>The long history of <paramref name="metric"/>, if one was registered with its window.</summary>
    public bool TryGetHistory(string metric, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetricHistory? history) =>
        _histories.TryGetValue(metric, out history);

    /// <summary>The window of <paramref name="metric"/>, if registered.</summary>
    public bool TryGetWindow(string metric, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetricWindow? window) =>
        _windows.TryGetValue(metric, out window);

    /// <inheritdoc />
    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(metric, out var metricWindow))
        {
            return aggregation == Aggregation.Count ? new WindowAggregate(0, 0) : WindowAggregate.Empty;
        }

        if (!IsFresh(metricWindow, now.UtcTicks))
        {
            return aggregation == Aggregation.Count ? new WindowAggregate(0, 0) : WindowAggregate.Empty;
        }

        // A window longer than the retained length is answered from what is retained.
        var ticks = Math.Min(window.Ticks, metricWindow.Options.Length.Ticks);
        return metricWindow.Aggregate(aggregation, ticks, now.UtcTicks);
    }

    /// <inheritdoc />
    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now) =>
        _histories.TryGetValue(metric, out var history) && history.Series(now) is { Values.Count: > 0 } series ? series : null;

    /// <summary>
    /// The latest reading of <paramref name="metric"/> for <see cref="PolicyContext"/>-style consumers: a metric
    /// recorded under <see cref="AggregateInstance"/> alone is an aggregate value; otherwise one sample per instance,
    /// with missing (stale) instances given no value, as the evaluate contract's <c>value: null</c>. Null when unknown
    /// or not fresh (see <see cref="Freshness"/>).
    /// </summary>
    public MetricReading? Reading(string metric, DateTimeOffset now)
    {
        var nowTicks = now.UtcTicks;
        if (!_windows.TryGetValue(metric, out var window) || window.InstanceCount == 0 || !IsFresh(window, nowTicks))
        {
            return null;
        }

        var staleness = Math.Min(window.Options.StalenessLimit.Ticks, Freshness?.Ticks ?? long.MaxValue);
        if (window.InstanceCount == 1 && window.GetInstance(0, nowTicks, staleness).Id.Length == 0)
        {
            var only = window.GetInstance(0, nowTicks, staleness);
            return only.Missing ? new MetricReading(null, [], null) : MetricReading.Aggregate(only.Value);
        }

        var samples = new InstanceSample[window.InstanceCount];
        for (var i = 0; i < samples.Length; i++)
        {
            var reading = window.GetInstance(i, nowTicks, staleness);
            samples[i] = new InstanceSample(
                reading.Id,
                reading.Missing ? null : reading.Value,
                double.IsNaN(reading.Request) ? null : reading.Request,
                reading.Ready);
        }

        return MetricReading.PerInstance(samples);
    }

    /// <summary>Readings of every registered metric that has any instance (see <see cref="Reading"/>).</summary>
    public IReadOnlyDictionary<string, MetricReading> Readings(DateTimeOffset now)
    {
        var readings = new Dictionary<string, MetricReading>(_windows.Count, StringComparer.Ordinal);
        foreach (var metric in _windows.Keys)
        {
            if (Reading(metric, now) is { } reading)
            {
                readings[metric] = reading;
            }
        }

        return readings;
    }
}
