namespace Autoscaler.Scaling;

/// <summary>An earlier unstabilized recommendation, kept for the stabilization windows.</summary>
public sealed record Recommendation(DateTimeOffset At, int Replicas);
