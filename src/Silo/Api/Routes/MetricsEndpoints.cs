using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.Api.Routes;

/// <summary><c>GET /targets/{id}/metrics?minutes=60</c>: per-minute averages for the chart, the policies' threshold lines
/// and the capacity steps (DashboardContract.md). The grain keeps 30 minutes of per-minute points; longer windows show
/// what there is.</summary>
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
        var series = metrics.Select(m => new MetricSeriesView(m.Name, null, Points(m.Recent, now, from), m.Instances, m.Missing, m.Aggregates)).ToList();
        var thresholds = (await grain.GetPoliciesAsync()).SelectMany(Thresholds).ToList();
        var decisions = await grain.GetRecentDecisionsAsync(RecentDecisions);
        return TypedResults.Ok(new MetricsView(id, from, now, series, thresholds, Replicas(decisions, status!.Current, from, now)));
    }

    private static List<MetricPointView> Points(IReadOnlyList<double> perMinute, DateTimeOffset now, DateTimeOffset from)
    {
        var points = new List<MetricPointView>(perMinute.Count);
        for (var i = 0; i < perMinute.Count; i++)
        {
            var at = now.AddMinutes(-(perMinute.Count - 1 - i));
            // NaN marks a minute without samples: leave a gap rather than invent a value.
            if (at >= from && double.IsFinite(perMinute[i]))
            {
                points.Add(new MetricPointView(at, perMinute[i]));
            }
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
