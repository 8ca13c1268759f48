using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>{ "recommendations": [...], "summary": {...} }</c>: cost recommendation records, newest first, and the fleet's
/// cost picture at the last recompute (null before the first).</summary>
public sealed record CostRecommendationList(IReadOnlyList<CostRecommendationView> Recommendations, RecommendationSummary? Summary);
