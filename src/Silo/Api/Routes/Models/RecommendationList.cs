namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>{ "recommendations": [...] }</c>.</summary>
public sealed record RecommendationList(IReadOnlyList<RecommendationView> Recommendations);
