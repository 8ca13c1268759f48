using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// The fleet's records spread over <see cref="Count"/> shard grains by a stable hash of the target id (a target's
/// records always share one shard, so a merge's superseding stays within it), and the fan-outs over them: merge a
/// recompute, list one page, find a record by id, adopt the records kept before sharding.
/// </summary>
public sealed class RecommendationShards(IGrainFactory grains, string fleetKey)
{
    /// <summary>Shards per fleet; fixed, since a record's shard follows from it.</summary>
    public const int Count = 64;

    /// <summary>The shard a target's records live in (FNV-1a over the id's UTF-16 code units: the same in every process).</summary>
    public static int ShardOf(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var hash = 2166136261u;
        foreach (var c in target)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>The shard grain's key: the fleet's key, a slash, the shard's number.</summary>
    public static string KeyOf(string fleetKey, int shard) => $"{fleetKey}/{shard:D2}";

    /// <summary>
    /// Merges every target's proposals, each shard its own targets', all shards at once (a shard without proposals
    /// supersedes its open records). Closed records kept: <paramref name="historyLimit"/> fleet-wide, a 64th per shard.
    /// </summary>
    public async Task<RecommendationMergeCounts> MergeAsync(IReadOnlyList<RecommendationRecord> proposals, DateTimeOffset now, int historyLimit)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var byShard = proposals.ToLookup(p => ShardOf(p.Target));
        var perShard = (historyLimit + Count - 1) / Count;
        var counts = await Task.WhenAll(Enumerable.Range(0, Count).Select(shard =>
            Shard(shard).MergeAsync([.. byShard[shard]], now, perShard)));
        return new RecommendationMergeCounts(counts.Sum(c => c.Open), counts.Sum(c => c.Opened), counts.Sum(c => c.Superseded));
    }

    /// <summary>One page of the fleet's records (one target's: its shard alone), merged from the shards' heads.</summary>
    public async Task<RecommendationPage> ListAsync(RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var heads = query.Target is { } target
            ? [await Shard(ShardOf(target)).ListAsync(query)]
            : await Task.WhenAll(Enumerable.Range(0, Count).Select(shard => Shard(shard).ListAsync(query)));
        return RecommendationLedger.Page(heads.SelectMany(h => h.Records), query, heads.Sum(h => h.Total));
    }

    /// <summary>The record with this id and the shard holding it, or null (ids do not name their target: every shard is asked).</summary>
    public async Task<(RecommendationRecord Record, IRecommendationShardGrain Shard)?> FindAsync(string id)
    {
        var found = await Task.WhenAll(Enumerable.Range(0, Count).Select(shard => Shard(shard).FindAsync(id)));
        var record = found.FirstOrDefault(r => r is not null);
        return record is null ? null : (record, Shard(ShardOf(record.Target)));
    }

    /// <summary>Hands records kept in one list (before sharding) to their shards.</summary>
    public Task AdoptAsync(IReadOnlyList<RecommendationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Task.WhenAll(records.GroupBy(r => ShardOf(r.Target)).Select(group => Shard(group.Key).AdoptAsync([.. group])));
    }

    private IRecommendationShardGrain Shard(int shard) => grains.GetGrain<IRecommendationShardGrain>(KeyOf(fleetKey, shard));
}
