namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The answer to an apply or dismiss: <c>applied</c>, <c>dry-run</c> or <c>dismissed</c>, one line, and the record.</summary>
public sealed record CostRecommendationResult(string Outcome, string Message, CostRecommendationView Recommendation);
