using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// One shard of the fleet's cost recommendation records, as an Orleans shell over <see cref="RecommendationLedger"/>:
/// merges, pages, decisions and adoption, each written before it answers. Calls run one at a time, so a merge and an
/// operator's decision never overwrite each other.
/// </summary>
public sealed class RecommendationShardGrain(
    [PersistentState("recommendations", GrainStorage.Default)] IPersistentState<RecommendationShardState> store,
    TimeProvider clock) : Grain, IRecommendationShardGrain
{
    public async Task<RecommendationMergeCounts> MergeAsync(IReadOnlyList<RecommendationRecord> proposals, DateTimeOffset now, int historyLimit)
    {
        var before = store.State.Records;
        if (before.Count == 0 && proposals.Count == 0)
        {
            return new RecommendationMergeCounts(0, 0, 0);
        }

        var after = RecommendationLedger.Merge(before, proposals, now, historyLimit);
        var counts = RecommendationLedger.Count(before, after);
        if (counts is { Opened: 0, Superseded: 0 } && after.Count == before.Count)
        {
            return counts; // every proposal already known, nothing superseded or trimmed: the stored records stand
        }

        store.State.Records = after;
        await store.WriteStateAsync();
        return counts;
    }

    public Task<RecommendationPage> ListAsync(RecommendationQuery query) =>
        Task.FromResult(RecommendationLedger.Head(store.State.Records, query));

    public Task<RecommendationRecord?> FindAsync(string id) => Task.FromResult(store.State.Records.Find(r => r.Id == id));

    public async Task<RecommendationResult> DecideAsync(RecommendationAction action, string state, string message)
    {
        ArgumentNullException.ThrowIfNull(action);
        var actor = string.IsNullOrWhiteSpace(action.Actor) ? $"recommendation:{action.Id}" : action.Actor;
        var (outcome, record) = RecommendationLedger.Decide(store.State.Records, action.Id, state, actor, action.Reason, clock.GetUtcNow());
        if (outcome is RecommendationOutcome.NotFound or RecommendationOutcome.NotOpen)
        {
            return RecommendationsGrain.Refusal(record, action.Id);
        }

        await store.WriteStateAsync();
        return new RecommendationResult(outcome, message, record);
    }

    public async Task AdoptAsync(IReadOnlyList<RecommendationRecord> records)
    {
        var known = store.State.Records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var added = records.Where(r => known.Add(r.Id)).ToList();
        if (added.Count > 0)
        {
            store.State.Records = [.. store.State.Records, .. added];
            await store.WriteStateAsync();
        }
    }
}
