namespace Autoscaler.Scaling.Model;

/// <summary>
/// An earlier unstabilized replica recommendation and when it was made, kept for the stabilization windows (Kubernetes'
/// timestampedRecommendation). Not the grain contracts' <c>Recommendation</c> (what the policies would do now).
/// </summary>
public sealed record TimestampedRecommendation(DateTimeOffset At, int Replicas);
