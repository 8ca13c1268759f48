namespace Autoscaler.Scaling.Safety;

/// <summary>
/// KEDA-style fallback (top-level <c>fallback</c> extension): after <see cref="FailureThreshold"/> consecutive evaluations
/// in which some policy had no data, <see cref="Replicas"/> stands in for the policies without data.
/// </summary>
public sealed record FallbackRule(int FailureThreshold, int Replicas);
