namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>{ "recommendations": [...] }</c> of cost recommendation records, newest first.</summary>
public sealed record CostRecommendationList(IReadOnlyList<CostRecommendationView> Recommendations);
