using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling;

/// <summary>The engine's intermediate result (its "combined:" line is already written), before it becomes a decision.</summary>
internal readonly record struct Outcome(int Desired, int Stabilized, int Recommendation, LimitReason? LimitedBy, string? DrivenBy);
