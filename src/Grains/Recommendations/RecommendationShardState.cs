using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>Persisted state of a <see cref="RecommendationShardGrain"/>: its targets' records, open and closed.</summary>
[GenerateSerializer, Alias("autoscaler.RecommendationShardState")]
public sealed class RecommendationShardState
{
    /// <summary>Open records and the shard's bounded history of closed ones.</summary>
    [Id(0)]
    public List<RecommendationRecord> Records { get; set; } = [];
}
