namespace Autoscaler.Scaling;

/// <summary>The engine's intermediate result, before it becomes a <see cref="ScalingDecision"/>.</summary>
internal readonly record struct Outcome(int Desired, int Stabilized, int Recommendation, LimitReason? LimitedBy, string? DrivenBy, string Line);
