namespace Autoscaler.Grains.Interfaces;

/// <summary>The answer to a <see cref="RecommendationAction"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">One line for people: what happened, or why not (for commitments and Spot: that the purchase
/// itself happens outside the control plane).</param>
/// <param name="Record">The record after the call; null when not found.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationResult")]
public sealed record RecommendationResult(RecommendationOutcome Outcome, string Message, RecommendationRecord? Record);
