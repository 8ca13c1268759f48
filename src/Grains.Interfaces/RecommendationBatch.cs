namespace Autoscaler.Grains.Interfaces;

/// <summary>What one recompute proposes: every target's records (open, stable ids) and the fleet's summary.</summary>
/// <param name="Records">The proposals.</param>
/// <param name="Summary">The fleet's cost picture; null when nothing was computed.</param>
/// <param name="Targets">Targets computed.</param>
/// <param name="Skipped">Targets skipped (their history could not be read).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationBatch")]
public sealed record RecommendationBatch(IReadOnlyList<RecommendationRecord> Records, RecommendationSummary? Summary, int Targets = 0, int Skipped = 0);
