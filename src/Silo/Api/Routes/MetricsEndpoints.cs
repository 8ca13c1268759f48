using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.Api.Routes;

/// <summary><c>GET /targets/{id}/metrics?minutes=60</c>: one average per window bucket (a minute) at the bucket's middle,
/// the value now from the instances' latest samples, the policies' threshold lines and the capacity steps
/// (DashboardContract.md). The grain keeps one hour of buckets; longer ranges show what there is.</summary>
internal static class MetricsEndpoints
{
    private const int RecentDecisions = 200;

    /// <summary>Maps the route.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/targets/{id}/metrics", GetAsync).RequireViewer().WithTags("Targets").WithName("GetTargetMetrics").Produces<MetricsView>();

    private static async Task<IResult> GetAsync(string id, int? minutes, IGrainFactory grains, TimeProvider clock)
    {
        if (minutes is < 1 or > 10_080)
        {
            return ApiProblems.Validation("minutes", "must be between 1 and 10080");
        }

        var (grain, status, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var from = now.AddMinutes(-(minutes ?? 60));
        var metrics = await grain!.GetMetricsAsync();
        var series = metrics.Select(m => new MetricSeriesView(m.Name, null, Points(m, now, from), m.Instances, m.Missing, m.Aggregates)).ToList();
        var thresholds = (await grain.GetPoliciesAsync()).SelectMany(Thresholds).ToList();
        var decisions = await grain.GetRecentDecisionsAsync(RecentDecisions);
        return TypedResults.Ok(new MetricsView(id, from, now, series, thresholds, Replicas(decisions, status!.Current, from, now)));
    }

    private static List<MetricPointView> Points(MetricSummary metric, DateTimeOffset now, DateTimeOffset from)
    {
        var step = TimeSpan.FromSeconds(metric.RecentStepSeconds);
        var start = metric.RecentStart ?? now - step * (metric.Recent.Count - 1);
        var points = new List<MetricPointView>(metric.Recent.Count + 1);
        for (var i = 0; i < metric.Recent.Count; i++)
        {
            var bucketStart = start + step * i;
            // A point sits in the middle of what it averages (the bucket in progress: of its part so far).
            var at = bucketStart + ((bucketStart + step < now ? bucketStart + step : now) - bucketStart) / 2;
            // NaN marks a bucket without samples: leave a gap rather than invent a value.
            if (at >= from && at <= now && double.IsFinite(metric.Recent[i]))
            {
                points.Add(new MetricPointView(at, metric.Recent[i]));
            }
        }

        if (metric.Latest is { } latest && double.IsFinite(latest))
        {
            points.Add(new MetricPointView(now, latest));
        }

        return points;
    }

    private static List<MetricPointView> Replicas(IReadOnlyList<DecisionRecord> newestFirst, int current, DateTimeOffset from, DateTimeOffset now)
    {
        var applied = newestFirst.Where(d => d.Kind is DecisionKind.Actuated or DecisionKind.Manual && !d.DryRun && d.At >= from).Reverse().ToList();
        var points = new List<MetricPointView>(applied.Count + 2) { new(from, applied.Count > 0 ? applied[0].From : current) };
        points.AddRange(applied.Select(d => new MetricPointView(d.At, d.To)));
        points.Add(new MetricPointView(now, current));
        return points;
    }

    private static IEnumerable<ThresholdView> Thresholds(PolicyDefinition policy)
    {
        using var document = JsonDocument.Parse(policy.Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("metric", out var metric) || metric.ValueKind != JsonValueKind.String)
        {
            return [];
        }

        double? target = root.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object ? Number(t, "value") : null;
        var scaleUp = Number(root, "scaleUp") ?? Number(root, "threshold");
        var scaleDown = Number(root, "scaleDown");
        return target is null && scaleUp is null && scaleDown is null
            ? []
            : [new ThresholdView(metric.GetString()!, policy.Name, target, scaleUp, scaleDown)];
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
