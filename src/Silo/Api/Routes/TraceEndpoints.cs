using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary><c>GET /targets/{id}/trace?from&amp;to</c>: the target's recorded demand (hourly totals) and the capacity that ran,
/// as a demand-mode <c>simulate</c> input (docs/contracts/simulate.md), to backtest other policies on the target's own traffic.
/// Defaults: the last 7 days; the target keeps 14 days of hourly history.</summary>
internal static class TraceEndpoints
{
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);

    /// <summary>Maps the route.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/targets/{id}/trace", GetAsync).RequireViewer().WithTags("Targets").WithName("GetTargetTrace")
            .Produces<JsonElement>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAsync(string id, DateTimeOffset? from, DateTimeOffset? to, IGrainFactory grains, TimeProvider clock)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end - DefaultSpan;
        if (end <= start)
        {
            return ApiProblems.Validation("to", "must be after from");
        }

        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        var trace = await grain!.GetTraceAsync(start, end);
        if (TargetTraceJson.Simulable(trace).Count == 0)
        {
            var known = string.Join(", ", trace.Metrics.Select(m => m.PerInstance is null ? $"{m.Metric} (per-instance capacity unknown)" : $"{m.Metric} ({m.Points.Count} points)"));
            return ApiProblems.Status(
                StatusCodes.Status404NotFound,
                $"Target '{id}' recorded no demand that can be simulated between {start:O} and {end:O}" + (known.Length > 0 ? $": {known}." : "."));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TargetTraceJson.Write(writer, trace);
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }
}
