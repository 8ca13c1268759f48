namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>POST /optimize/recommendations/{id}/apply</c> (<c>reason</c> optional, <c>dryRun</c>) and
/// <c>.../dismiss</c> (<c>reason</c> required, no <c>dryRun</c>).</summary>
public sealed record CostRecommendationRequest(string? Reason, bool? DryRun);
