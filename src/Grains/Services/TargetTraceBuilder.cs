using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.History;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Grains.Services;

/// <summary>
/// Builds a target's <see cref="TargetTrace"/>: each metric's hourly totals from its long-horizon history (the hour in
/// progress included), a per-instance capacity where the target states one (an instance's reported request, else a
/// target-tracking <c>AverageValue</c> target or a predictive <c>targetValue</c> on the metric), and the capacity that ran
/// from the history store's applied decisions.
/// </summary>
internal static class TargetTraceBuilder
{
    private const int PageSize = 1000;
    private const int MaxDecisions = 20_000;

    public static async Task<TargetTrace> BuildAsync(LiveTarget target, IScalingHistoryStore history, DateTimeOffset from, DateTimeOffset to)
    {
        var definition = target.Registered;
        if (to <= from)
        {
            throw new ArgumentException("to: must be after from");
        }

        var metrics = new List<TraceSeries>();
        foreach (var metric in target.Windows.Snapshot().Metrics)
        {
            if (metric.History is not { } saved)
            {
                continue;
            }

            var points = new List<TracePoint>();
            for (var i = 0; i < saved.Epochs.Length; i++)
            {
                var at = new DateTimeOffset(saved.Epochs[i] * saved.StepTicks, TimeSpan.Zero);
                if (at >= from && at < to && saved.Counts[i] > 0)
                {
                    points.Add(new TracePoint(at, saved.Sums[i] / saved.Counts[i]));
                }
            }

            var request = metric.Window.Instances.Requests.FirstOrDefault(r => r is > 0);
            metrics.Add(new TraceSeries(metric.Metric, request ?? PolicyPerInstance(target.Policies, metric.Metric), [.. points.OrderBy(p => p.At)]));
        }

        return new TargetTrace(target.Id, from, to, definition, [.. target.Policies], metrics, await CapacityAsync(target, history, from, to));
    }

    private static async Task<IReadOnlyList<TracePoint>> CapacityAsync(LiveTarget target, IScalingHistoryStore history, DateTimeOffset from, DateTimeOffset to)
    {
        var applied = new List<DecisionRecord>();
        string? cursor = null;
        do
        {
            var page = await history.QueryAsync(new ScalingHistoryQuery(target.Id, from, to, PageSize, cursor));
            applied.AddRange(page.Entries.Where(d => d.Kind is DecisionKind.Actuated or DecisionKind.Manual && !d.DryRun));
            cursor = page.NextCursor;
        }
        while (cursor is not null && applied.Count < MaxDecisions);

        applied.Reverse();
        var points = new List<TracePoint> { new(from, applied.Count > 0 ? applied[0].From : target.Current) };
        foreach (var decision in applied)
        {
            if (decision.At > points[^1].At)
            {
                points.Add(new TracePoint(decision.At, decision.To));
            }
            else
            {
                points[^1] = points[^1] with { Value = decision.To };
            }
        }

        return points;
    }

    private static double? PolicyPerInstance(IReadOnlyList<PolicyDefinition> policies, string metric)
    {
        foreach (var policy in policies)
        {
            using var document = JsonDocument.Parse(policy.Json);
            var root = document.RootElement;
            if (!root.TryGetProperty("metric", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != metric)
            {
                continue;
            }

            if (root.TryGetProperty("target", out var tracking) && tracking.ValueKind == JsonValueKind.Object
                && tracking.TryGetProperty("type", out var type) && type.GetString() == "AverageValue"
                && tracking.TryGetProperty("value", out var value) && value.TryGetDouble(out var perInstance) && perInstance > 0)
            {
                return perInstance;
            }

            if (root.TryGetProperty("targetValue", out var forecast) && forecast.TryGetDouble(out var load) && load > 0)
            {
                return load;
            }
        }

        return null;
    }
}
