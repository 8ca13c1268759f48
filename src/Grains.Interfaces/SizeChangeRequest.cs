namespace Autoscaler.Grains.Interfaces;

/// <summary>A request to run every replica of a target at a new instance size.</summary>
/// <param name="Vcpu">vCPU per replica (for ECS Fargate only the valid CPU/memory pairs are accepted).</param>
/// <param name="MemoryGiB">Memory per replica in GiB.</param>
/// <param name="Actor">Who asked (an API key's name, <c>recommendation:{id}</c>, ...).</param>
/// <param name="Reason">Why (required; kept in the audit history).</param>
/// <param name="DryRun">Validate and explain only; nothing is sent to the platform.</param>
/// <param name="RecommendationId">The recommendation being applied, if any.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.SizeChangeRequest")]
public sealed record SizeChangeRequest(double Vcpu, double MemoryGiB, string Actor, string Reason, bool DryRun = false, string? RecommendationId = null);
