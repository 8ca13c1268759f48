namespace Autoscaler.Grains.Interfaces;

/// <summary>What merging a recompute's proposals into one shard of the records changed.</summary>
/// <param name="Open">Open records in the shard afterwards.</param>
/// <param name="Opened">Records opened.</param>
/// <param name="Superseded">Open records superseded.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationMergeCounts")]
public sealed record RecommendationMergeCounts(int Open, int Opened, int Superseded);
