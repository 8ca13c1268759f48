using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Grains.Services;

/// <summary>
/// A target's metric windows (one per metric, per instance inside) and long-horizon histories, read by the engine through
/// <see cref="WindowMetricQuery"/>. Instances silent past the staleness limit read as missing; samples older than the
/// <see cref="Freshness"/> limit are not acted on. At most <paramref name="maxMetrics"/> metric names are held (the
/// options' <c>MaxInstances</c> bounds instances per metric): values past either limit are refused and counted.
/// </summary>
internal sealed class TargetWindows(MetricWindowOptions options, int maxMetrics = 64)
{
    private readonly WindowMetricQuery _query = new();

    /// <summary>Window settings (the staleness limit comes from the agent pool settings).</summary>
    public MetricWindowOptions Options { get; } = options;

    /// <summary>What policies query: aggregations over windows, hourly series for forecasting.</summary>
    public IMetricQuery Query => _query;

    /// <summary>Metric names seen so far.</summary>
    public IEnumerable<string> Metrics => _query.Metrics;

    /// <summary>How old a sample may be and still be acted on (see <see cref="WindowMetricQuery.Freshness"/>).</summary>
    public TimeSpan? Freshness
    {
        get => _query.Freshness;
        set => _query.Freshness = value;
    }

    /// <summary>
    /// Records every metric of one sample; adds to <paramref name="refused"/> the values refused by a limit: a new metric
    /// name past the metric limit, a new instance of a metric whose instances are all live and at the limit.
    /// </summary>
    public void Record(TelemetrySample sample, ref RefusedValues refused)
    {
        foreach (var (name, value) in sample.Metrics)
        {
            if (!_query.TryGetWindow(name, out var window))
            {
                if (_query.Count >= maxMetrics)
                {
                    refused.Metrics++;
                    continue;
                }

                window = WindowFor(name);
            }

            double? request = sample.Request is { } requests && requests.TryGetValue(name, out var reserved) ? reserved : null;
            if (window.Record(sample.Source, sample.Timestamp, value, request, sample.Ready) == RecordOutcome.TooManyInstances)
            {
                refused.Instances++;
            }
        }
    }

    /// <summary>The metrics without a sample newer than <see cref="Freshness"/> at <paramref name="now"/>, with their newest sample's time.</summary>
    public IEnumerable<(string Metric, DateTimeOffset? Latest)> Stale(DateTimeOffset now)
    {
        foreach (var metric in _query.Metrics)
        {
            _query.TryGetWindow(metric, out var window);
            if (window!.InstanceCount > 0 && !_query.IsFresh(window, now.UtcTicks))
            {
                yield return (metric, window.LatestSampleTicks == long.MinValue ? null : new DateTimeOffset(window.LatestSampleTicks, TimeSpan.Zero));
            }
        }
    }

    /// <summary>Records a target-level value (a pool's derived metric): the engine reads it as one aggregate value.</summary>
    public void RecordAggregate(string metric, DateTimeOffset at, double value) =>
        WindowFor(metric).Record(WindowMetricQuery.AggregateInstance, at, value);

    /// <summary>Forgets an instance (an agent that said it stopped is not missing).</summary>
    public void RemoveInstance(string source)
    {
        foreach (var metric in _query.Metrics)
        {
            WindowFor(metric).RemoveInstance(source);
        }
    }

    /// <summary>Readings of every metric at <paramref name="now"/>; also feeds the long-horizon histories with totals.</summary>
    public IReadOnlyDictionary<string, MetricReading> Readings(DateTimeOffset now)
    {
        foreach (var metric in _query.Metrics)
        {
            if (_query.TryGetHistory(metric, out var history))
            {
                history.Record(now, WindowFor(metric).CurrentTotal(now));
            }
        }

        return _query.Readings(now);
    }

    /// <summary>Summary of one metric for the API: instance counts, aggregates over 1 min / 5 min / 1 h. It describes what
    /// the windows hold, so the <see cref="Freshness"/> limit (what decisions may act on) does not hide older samples here.</summary>
    public MetricSummary Summarize(string metric, DateTimeOffset now)
    {
        var freshness = _query.Freshness;
        _query.Freshness = null;
        try
        {
            return SummarizeHeld(metric, now);
        }
        finally
        {
            _query.Freshness = freshness;
        }
    }

    private MetricSummary SummarizeHeld(string metric, DateTimeOffset now)
    {
        var window = WindowFor(metric);
        int present = 0, missing = 0;
        for (var i = 0; i < window.InstanceCount; i++)
        {
            if (window.GetInstance(i, now).Missing)
            {
                missing++;
            }
            else
            {
                present++;
            }
        }

        var aggregates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (suffix, span) in SummarySpans)
        {
            foreach (var aggregation in SummaryAggregations)
            {
                var value = _query.Aggregate(metric, aggregation, span, now);
                if (value.HasData)
                {
                    aggregates[$"{AggregationNames.Name(aggregation)}_{suffix}"] = value.Value;
                }
            }
        }

        var (recent, start) = BucketAverages(metric, now);
        return new MetricSummary(metric, present, missing, aggregates, recent, start, (int)Options.BucketWidth.TotalSeconds, Latest(window, now));
    }

    /// <summary>The average of every bucket of the window, oldest first (NaN for a bucket without samples), the last being
    /// the bucket in progress; and when the first bucket starts. Each query covers exactly one bucket.</summary>
    private (List<double> Averages, DateTimeOffset Start) BucketAverages(string metric, DateTimeOffset now)
    {
        var width = Options.BucketWidth.Ticks;
        var current = now.UtcTicks / width;
        var averages = new List<double>(Options.BucketCount);
        for (var bucket = current - Options.BucketCount + 1; bucket <= current; bucket++)
        {
            var start = bucket * width;
            var end = bucket == current ? now.UtcTicks : start + width - 1;
            var value = end > start
                ? _query.Aggregate(metric, Aggregation.Avg, TimeSpan.FromTicks(end - start), new DateTimeOffset(end, TimeSpan.Zero))
                : default;
            averages.Add(value.HasData ? value.Value : double.NaN);
        }

        return (averages, new DateTimeOffset((current - Options.BucketCount + 1) * width, TimeSpan.Zero));
    }

    /// <summary>The average of the latest values of the instances still reporting: the value now, finer than a bucket.</summary>
    private static double? Latest(MetricWindow window, DateTimeOffset now)
    {
        double sum = 0;
        var fresh = 0;
        for (var i = 0; i < window.InstanceCount; i++)
        {
            var reading = window.GetInstance(i, now);
            if (!reading.Missing && double.IsFinite(reading.Value))
            {
                sum += reading.Value;
                fresh++;
            }
        }

        return fresh == 0 ? null : sum / fresh;
    }

    /// <summary>Every window and history, for grain state (windows survive failover).</summary>
    public WindowSetSnapshot Snapshot() =>
        new([.. _query.Metrics.Order(StringComparer.Ordinal).Select(metric =>
        {
            _query.TryGetWindow(metric, out var window);
            return new MetricSnapshot(metric, window!.Snapshot(), _query.TryGetHistory(metric, out var history) ? history.Snapshot() : null);
        })]);

    /// <summary>
    /// Loads what <see cref="Snapshot"/> wrote. A window taken with another length or bucket count is not restored (its
    /// buckets would not line up); one with another staleness limit or instance bound is restored under the current ones.
    /// </summary>
    public void Restore(WindowSetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var metric in snapshot.Metrics)
        {
            var shape = metric.Window.Options;
            if (shape.Length != Options.Length || shape.BucketCount != Options.BucketCount)
            {
                continue;
            }

            var window = MetricWindow.Restore(metric.Window with { Options = Options });
            var history = metric.History is { } saved ? MetricHistory.Restore(saved) : MetricHistory.Hourly14Days();
            _query.Add(metric.Metric, window, history);
        }
    }

    private static readonly (string Suffix, TimeSpan Span)[] SummarySpans =
        [("1m", TimeSpan.FromMinutes(1)), ("5m", TimeSpan.FromMinutes(5)), ("1h", TimeSpan.FromHours(1))];

    private static readonly Aggregation[] SummaryAggregations =
        [Aggregation.Avg, Aggregation.Min, Aggregation.Max, Aggregation.P95, Aggregation.Count];

    private MetricWindow WindowFor(string metric)
    {
        if (!_query.TryGetWindow(metric, out var window))
        {
            window = new MetricWindow(Options);
            _query.Add(metric, window, MetricHistory.Hourly14Days());
        }

        return window;
    }
}
