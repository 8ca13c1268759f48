using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>
/// <c>{ "recommendations": [...], "summary": {...}, "total", "offset", "limit", "recompute" }</c>: one page of cost
/// recommendation records, newest first; the fleet's cost picture at the last recompute (null before the first); how many
/// records match in all, where the page starts and its size; and, answering a recompute, what it did (null otherwise).
/// </summary>
public sealed record CostRecommendationList(
    IReadOnlyList<CostRecommendationView> Recommendations,
    RecommendationSummary? Summary,
    int Total,
    int Offset,
    int Limit,
    RecommendationRecompute? Recompute);
