using Orleans.Concurrency;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// The fleet's cost recommendations as records with state (key: <see cref="FleetKey"/>): recomputed daily and on demand,
/// applied or dismissed by operators, kept in history (docs/optimization.md).
/// </summary>
[Alias("autoscaler.IRecommendationsGrain")]
public interface IRecommendationsGrain : IGrainWithStringKey
{
    /// <summary>The one key the fleet's recommendations live under.</summary>
    public const string FleetKey = "fleet";

    /// <summary>One page of records, newest first, optionally only one target's and only in one state, with the match count.</summary>
    [Alias("ListPage")]
    public Task<RecommendationPage> ListAsync(RecommendationQuery query);

    /// <summary>
    /// Recomputes every target's proposals now and says what changed, in counts (list the records page by page). It
    /// interleaves (reading a fleet's history and replaying it takes tens of milliseconds per target, minutes for a large
    /// fleet): lists, applies and dismisses are answered meanwhile.
    /// </summary>
    [Alias("RecomputeCounts"), AlwaysInterleave, ResponseTimeout("01:00:00")]
    public Task<RecommendationRecompute> RecomputeAsync();

    /// <summary>Applies an open recommendation by its kind (a size change, a scheduled policy, or a recorded purchase).</summary>
    [Alias("Apply")]
    public Task<RecommendationResult> ApplyAsync(RecommendationAction action);

    /// <summary>Dismisses an open recommendation.</summary>
    [Alias("Dismiss")]
    public Task<RecommendationResult> DismissAsync(RecommendationAction action);

    /// <summary>The fleet's cost picture at the last recompute; null before the first.</summary>
    [Alias("GetSummary")]
    public Task<RecommendationSummary?> GetSummaryAsync();

    /// <summary>Makes sure the daily recompute timer runs (the silo calls it at start).</summary>
    [Alias("Start")]
    public Task StartAsync();
}
