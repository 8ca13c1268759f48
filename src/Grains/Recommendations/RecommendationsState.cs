using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>Persisted state of the <see cref="RecommendationsGrain"/>: every record, open and closed, and the last recompute.</summary>
[GenerateSerializer, Alias("autoscaler.RecommendationsState")]
public sealed class RecommendationsState
{
    /// <summary>Open records and the bounded history of closed ones.</summary>
    [Id(0)]
    public List<RecommendationRecord> Records { get; set; } = [];

    /// <summary>When the proposals were last recomputed.</summary>
    [Id(1)]
    public DateTimeOffset? LastRecomputedAt { get; set; }

    /// <summary>The fleet's cost picture at the last recompute.</summary>
    [Id(2)]
    public RecommendationSummary? Summary { get; set; }
}
