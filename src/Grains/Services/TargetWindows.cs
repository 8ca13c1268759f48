using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Grains.Services;

/// <summary>
/// A target's metric windows (one per metric, per instance inside) and long-horizon histories, exposed to the engine as
/// per-instance readings and as an <see cref="IMetricQuery"/>. Instances silent past the staleness limit read as missing.
/// </summary>
internal sealed class TargetWindows(MetricWindowOptions options) : IMetricQuery
{
    private readonly Dictionary<string, MetricWindow> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetricHistory> _histories = new(StringComparer.Ordinal);

    /// <summary>Window settings (the staleness limit comes from the agent pool settings).</summary>
    public MetricWindowOptions Options { get; } = options;

    /// <summary>Metric names seen so far.</summary>
    public IEnumerable<string> Metrics => _windows.Keys;

    /// <summary>Records every metric of one sample.</summary>
    public void Record(TelemetryPoint point)
    {
        foreach (var (name, value) in point.Metrics)
        {
            double? request = point.Requests is { } requests && requests.TryGetValue(name, out var reserved) ? reserved : null;
            WindowFor(name).Record(point.Source, point.At, value, request, point.Ready);
        }
    }

    /// <summary>Records an aggregate value (a pool's derived metric) as the single instance <paramref name="source"/>.</summary>
    public void RecordAggregate(string metric, string source, DateTimeOffset at, double value) => WindowFor(metric).Record(source, at, value);

    /// <summary>Forgets an instance (an agent that said it stopped is not missing).</summary>
    public void RemoveInstance(string source)
    {
        foreach (var window in _windows.Values)
        {
            window.RemoveInstance(source);
        }
    }

    /// <summary>Per-instance readings of every metric at <paramref name="now"/>; also feeds the long-horizon histories.</summary>
    public Dictionary<string, MetricReading> Readings(DateTimeOffset now)
    {
        var readings = new Dictionary<string, MetricReading>(_windows.Count, StringComparer.Ordinal);
        foreach (var (name, window) in _windows)
        {
            var instances = new List<InstanceSample>(window.InstanceCount);
            for (var i = 0; i < window.InstanceCount; i++)
            {
                var instance = window.GetInstance(i, now);
                if (string.IsNullOrEmpty(instance.Id))
                {
                    continue;
                }

                instances.Add(new InstanceSample(
                    instance.Id,
                    instance.Missing || double.IsNaN(instance.Value) ? null : instance.Value,
                    double.IsNaN(instance.Request) ? null : instance.Request,
                    instance.Ready));
            }

            if (instances.Count > 0)
            {
                readings[name] = MetricReading.PerInstance(instances);
                HistoryFor(name).Record(now, window.CurrentTotal(now));
            }
        }

        return readings;
    }

    /// <summary>Summary of one metric for the API: instance counts, aggregates over 1 min / 5 min / 1 h.</summary>
    public MetricSummary Summarize(string metric, DateTimeOffset now)
    {
        var window = _windows[metric];
        int present = 0, missing = 0;
        for (var i = 0; i < window.InstanceCount; i++)
        {
            var instance = window.GetInstance(i, now);
            if (instance.Missing)
            {
                missing++;
            }
            else if (!string.IsNullOrEmpty(instance.Id))
            {
                present++;
            }
        }

        var aggregates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (suffix, span) in SummarySpans)
        {
            foreach (var aggregation in SummaryAggregations)
            {
                var value = window.Aggregate(aggregation, span, now);
                if (value.HasData)
                {
                    aggregates[$"{AggregationNames.Name(aggregation)}_{suffix}"] = value.Value;
                }
            }
        }

        var recent = new List<double>(30);
        for (var minute = 29; minute >= 0; minute--)
        {
            var value = window.Aggregate(Aggregation.Avg, TimeSpan.FromMinutes(1), now.AddMinutes(-minute));
            recent.Add(value.HasData ? value.Value : double.NaN);
        }

        return new MetricSummary(metric, present, missing, aggregates, recent);
    }

    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now) =>
        _windows.TryGetValue(metric, out var metricWindow) ? metricWindow.Aggregate(aggregation, window, now) : WindowAggregate.Empty;

    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now) =>
        _histories.TryGetValue(metric, out var history) && history.Step == step ? history.Series(now) : null;

    private static readonly (string Suffix, TimeSpan Span)[] SummarySpans =
        [("1m", TimeSpan.FromMinutes(1)), ("5m", TimeSpan.FromMinutes(5)), ("1h", TimeSpan.FromHours(1))];

    private static readonly Aggregation[] SummaryAggregations =
        [Aggregation.Avg, Aggregation.Min, Aggregation.Max, Aggregation.P95, Aggregation.Count];

    private MetricWindow WindowFor(string metric)
    {
        if (!_windows.TryGetValue(metric, out var window))
        {
            _windows[metric] = window = new MetricWindow(Options);
        }

        return window;
    }

    private MetricHistory HistoryFor(string metric)
    {
        if (!_histories.TryGetValue(metric, out var history))
        {
            _histories[metric] = history = MetricHistory.Hourly14Days();
        }

        return history;
    }
}
