namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>PUT /targets/{id}/size</c>: the new <c>vcpu</c> and <c>memoryGiB</c> per replica, a required
/// <c>reason</c>, and <c>dryRun</c> to validate and explain without calling the platform.</summary>
public sealed record SizeRequest(double? Vcpu, double? MemoryGiB, string? Reason, bool? DryRun, string? RecommendationId = null);
