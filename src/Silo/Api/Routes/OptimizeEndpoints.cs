using System.Text.Json;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Json;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.Optimization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// Cost recommendations computed from what the grains keep (docs/optimization.md): <c>GET /optimize[?days]</c> for the
/// fleet, <c>GET /targets/{id}/optimize[?days&amp;vcpu&amp;memoryGiB&amp;platform&amp;interruptible]</c> for one target
/// (the query overrides the configured size and flags, to ask "what if it were this size").
/// </summary>
internal static class OptimizeEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/optimize", FleetAsync).RequireViewer().WithTags("Optimize").WithName("OptimizeFleet")
            .Produces<JsonElement>().ProducesValidationProblem();
        api.MapGet("/targets/{id}/optimize", TargetAsync).RequireViewer().WithTags("Optimize").WithName("OptimizeTarget")
            .Produces<JsonElement>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> FleetAsync(int? days, IGrainFactory grains, TimeProvider clock, IOptions<CostOptimizationOptions> settings, ITraceBackfill backfill)
    {
        var options = settings.Value;
        if (DaysProblem(days) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var profiles = new List<TargetProfile>();
        foreach (var (id, _) in await TargetLookup.ListAsync(grains))
        {
            profiles.Add(await TargetProfileReader.ReadAsync(
                grains.GetGrain<Grains.Interfaces.IServiceGrain>(id), id, now, days ?? options.LookbackDays, options, null, null, null, backfill,
                grains.GetGrain<Grains.Interfaces.ITargetSizeGrain>(id)));
        }

        var fleet = Optimizer.Fleet(profiles, OptimizationOptions.Default);
        return Json(writer => OptimizationWriter.WriteFleet(writer, fleet));
    }

    private static async Task<IResult> TargetAsync(
        string id, int? days, double? vcpu, double? memoryGiB, string? platform, bool? interruptible, IGrainFactory grains, TimeProvider clock,
        IOptions<CostOptimizationOptions> settings, ITraceBackfill backfill)
    {
        var options = settings.Value;
        SizePlatform? chosen = null;
        if (platform is not null)
        {
            if (!Enum.TryParse<SizePlatform>(platform, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.Validation("platform", $"must be one of {string.Join(", ", Enum.GetNames<SizePlatform>())}, not \"{platform}\"");
            }

            chosen = parsed;
        }

        var targetPlatform = chosen ?? options.Targets.GetValueOrDefault(id)?.Platform ?? options.Platform;
        if ((DaysProblem(days) ?? SizeProblem(vcpu, memoryGiB, targetPlatform)) is { } problem)
        {
            return problem;
        }

        var (grain, _, missing) = await TargetLookup.FindAsync(grains, id);
        if (missing is not null)
        {
            return missing;
        }

        InstanceSize? size = vcpu is { } v && memoryGiB is { } m ? new InstanceSize(v, m) : null;
        var profile = await TargetProfileReader.ReadAsync(
            grain!, id, clock.GetUtcNow(), days ?? options.LookbackDays, options, size, chosen, interruptible, backfill, grains.GetGrain<Grains.Interfaces.ITargetSizeGrain>(id));
        var report = Optimizer.Optimize(profile, OptimizationOptions.Default);
        return Json(writer => OptimizationWriter.Write(writer, report));
    }

    private static ProblemHttpResult? DaysProblem(int? days) =>
        days is < 1 or > 14 ? ApiProblems.Validation("days", $"must be between 1 and 14 (a target keeps 14 days of hourly history), not {days}") : null;

    private static ProblemHttpResult? SizeProblem(double? vcpu, double? memoryGiB, SizePlatform platform)
    {
        if ((vcpu is null) != (memoryGiB is null))
        {
            return ApiProblems.Validation(vcpu is null ? "vcpu" : "memoryGiB", "vcpu and memoryGiB go together: give both, or neither");
        }

        return vcpu is { } v && memoryGiB is { } m && SizeCatalog.Problem(platform, new InstanceSize(v, m)) is { } problem
            ? ApiProblems.Validation("memoryGiB", problem)
            : null;
    }

    private static IResult Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }
}
