using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Combination;

/// <summary>The policies' joint recommendation before stabilization (its summary is written to the "combined:" line).</summary>
/// <param name="Desired">The recommended capacity.</param>
/// <param name="DrivenBy">The policy whose proposal was taken; null when capacity stays.</param>
/// <param name="HeldBy">What kept a wanted change from happening (NoData, Cooldown, Suspended); null when nothing did.</param>
public readonly record struct CombinedProposal(int Desired, string? DrivenBy, LimitReason? HeldBy);
