using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Interfaces;

/// <summary>Everything an operator wants to see about one target.</summary>
/// <param name="Definition">As registered (null: the target is not registered).</param>
/// <param name="Current">Capacity in effect (last successfully applied).</param>
/// <param name="Observed">Capacity the actuator last reported (null: not read yet).</param>
/// <param name="Drift">Observed minus current when they differ for longer than one evaluation.</param>
/// <param name="Policies">Policy names, in evaluation order.</param>
/// <param name="LastDecision">The latest decision (any kind).</param>
/// <param name="LastEvaluation">When the policies last ran.</param>
/// <param name="LastScaling">When capacity last changed.</param>
/// <param name="Override">An operator's pinned capacity, if any.</param>
/// <param name="Cost">Spend so far and forecast.</param>
/// <param name="Status">A one-word state: <c>idle</c>, <c>scaling</c>, <c>dry-run</c>, <c>disabled</c>, <c>failing</c>, <c>unregistered</c>.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetStatus")]
public sealed record TargetStatus(
    TargetDefinition? Definition,
    int Current,
    int? Observed,
    int? Drift,
    IReadOnlyList<string> Policies,
    DecisionRecord? LastDecision,
    DateTimeOffset? LastEvaluation,
    DateTimeOffset? LastScaling,
    ManualScale? Override,
    CostReport Cost,
    string Status);
