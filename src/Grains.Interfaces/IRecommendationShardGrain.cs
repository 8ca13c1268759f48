namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// One shard of the fleet's cost recommendation records (key: the fleet's key, a slash and the shard's number): the
/// records of the targets that hash to it, so no single grain state or answer holds a large fleet's records. Only the
/// <see cref="IRecommendationsGrain"/> calls it.
/// </summary>
[Alias("autoscaler.IRecommendationShardGrain")]
public interface IRecommendationShardGrain : IGrainWithStringKey
{
    /// <summary>Merges a recompute's proposals for this shard's targets (every proposal of them: the others are superseded).</summary>
    [Alias("Merge")]
    public Task<RecommendationMergeCounts> MergeAsync(IReadOnlyList<RecommendationRecord> proposals, DateTimeOffset now, int historyLimit);

    /// <summary>The shard's first <see cref="RecommendationQuery.Reach"/> matching records, newest first, and its match count.</summary>
    [Alias("List")]
    public Task<RecommendationPage> ListAsync(RecommendationQuery query);

    /// <summary>The record with this id, or null.</summary>
    [Alias("Find")]
    public Task<RecommendationRecord?> FindAsync(string id);

    /// <summary>Moves an open record to applied or dismissed; not found or not open leave it as it is.</summary>
    [Alias("Decide")]
    public Task<RecommendationResult> DecideAsync(RecommendationAction action, string state, string message);

    /// <summary>Takes records kept before the records were sharded, as they are (ids already held are ignored).</summary>
    [Alias("Adopt")]
    public Task AdoptAsync(IReadOnlyList<RecommendationRecord> records);
}
