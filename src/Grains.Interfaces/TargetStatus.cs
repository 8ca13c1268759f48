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
/// <param name="Status">A one-word state: <c>idle</c>, <c>scaling</c>, <c>dry-run</c>, <c>disabled</c>, <c>failing</c>,
/// <c>drifted</c>, <c>stale</c> (a metric has no sample within the freshness limit), <c>unregistered</c>.</param>
/// <param name="ConsecutiveFailures">Actuation failures in a row (0 after a success).</param>
/// <param name="NextAttemptAt">While failing: the earliest time the target tries its actuator again (backoff).</param>
/// <param name="DriftSince">Since when the actuator has reported a capacity other than the one in effect.</param>
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
    string Status,
    int ConsecutiveFailures = 0,
    DateTimeOffset? NextAttemptAt = null,
    DateTimeOffset? DriftSince = null);
