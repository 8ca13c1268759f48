using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Finds a registered target's grain, or the problem to answer instead (400 for a malformed id, 404 when the
/// target is not registered).</summary>
internal static class TargetLookup
{
    /// <summary>The grain and its status, or a problem.</summary>
    public static async Task<(IServiceGrain? Grain, TargetStatus? Status, ProblemHttpResult? Problem)> FindAsync(IGrainFactory grains, string id)
    {
        if (!TargetIds.IsValid(id))
        {
            return (null, null, ApiProblems.Validation("id", TargetIds.Rule));
        }

        var grain = grains.GetGrain<IServiceGrain>(id);
        var status = await grain.GetStatusAsync();
        return status.Definition is null ? (null, null, ApiProblems.NotFound("target", id)) : (grain, status, null);
    }

    /// <summary>Every registered target id, sorted.</summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ListAsync(IGrainFactory grains)
    {
        var directory = await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync();
        return [.. directory.Targets.OrderBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>The status of every registered target (skipping any removed meanwhile), sorted by id.</summary>
    public static async Task<IReadOnlyList<TargetStatus>> StatusesAsync(IGrainFactory grains)
    {
        var ids = await ListAsync(grains);
        var statuses = await Task.WhenAll(ids.Select(t => grains.GetGrain<IServiceGrain>(t.Key).GetStatusAsync()));
        return [.. statuses.Where(s => s.Definition is not null)];
    }
}
