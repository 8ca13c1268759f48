using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>Persisted state of the <see cref="RecommendationsGrain"/>: the last recompute and the fleet's summary.</summary>
[GenerateSerializer, Alias("autoscaler.RecommendationsState")]
public sealed class RecommendationsState
{
    /// <summary>
    /// Records as versions before the shards kept them (all in this one state); handed to the shards at activation, so
    /// empty afterwards.
    /// </summary>
    [Id(0)]
    public List<RecommendationRecord> Records { get; set; } = [];

    /// <summary>When the proposals were last recomputed.</summary>
    [Id(1)]
    public DateTimeOffset? LastRecomputedAt { get; set; }

    /// <summary>The fleet's cost picture at the last recompute.</summary>
    [Id(2)]
    public RecommendationSummary? Summary { get; set; }
}
