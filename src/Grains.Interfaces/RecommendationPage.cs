namespace Autoscaler.Grains.Interfaces;

/// <summary>One page of cost recommendation records, newest first, and how many records the query matches in all.</summary>
/// <param name="Records">The page.</param>
/// <param name="Total">Records matching the query's target and state, across every page.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationPage")]
public sealed record RecommendationPage(IReadOnlyList<RecommendationRecord> Records, int Total);
