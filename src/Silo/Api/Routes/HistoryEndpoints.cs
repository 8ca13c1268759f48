using Autoscaler.Ports.History;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary><c>GET /history/{target}?from&amp;to&amp;limit&amp;cursor</c>: a target's decisions and scale events, newest first.
/// History outlives the target (it stays after a delete), so an unregistered target with history still answers.</summary>
internal static class HistoryEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    /// <summary>Maps the history route.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/history/{target}", QueryAsync).RequireViewer().WithTags("History").WithName("GetHistory").Produces<HistoryView>();

    private static async Task<IResult> QueryAsync(
        string target,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? limit,
        string? cursor,
        IScalingHistoryStore store,
        IGrainFactory grains,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!TargetIds.IsValid(target))
        {
            return ApiProblems.Validation("target", TargetIds.Rule);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.Validation("limit", $"must be between 1 and {MaxLimit}");
        }

        // Open ends: since the Unix epoch, until a day ahead (clock skew between silos and the store).
        var start = from ?? DateTimeOffset.UnixEpoch;
        var end = to ?? clock.GetUtcNow().AddDays(1);
        if (end <= start)
        {
            return ApiProblems.Validation("to", "must be after from");
        }

        ScalingHistoryPage page;
        try
        {
            page = await store.QueryAsync(new ScalingHistoryQuery(target, start, end, limit ?? DefaultLimit, cursor), cancellationToken);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
        {
            return ApiProblems.Validation("cursor", "is not a cursor this API returned");
        }

        if (page.Entries.Count == 0 && cursor is null)
        {
            var (_, _, problem) = await TargetLookup.FindAsync(grains, target);
            if (problem is not null)
            {
                return problem;
            }
        }

        return TypedResults.Ok(new HistoryView(target, [.. page.Entries.Select(Views.HistoryEvent)], page.NextCursor));
    }
}
