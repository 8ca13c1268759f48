namespace Autoscaler.Scaling.Policies;

/// <summary>
/// What one policy proposed in one evaluation with its explanation line rendered: the form decisions, documents and
/// grains keep (<see cref="Proposal"/> is the allocation-free form the engine works with).
/// </summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Type">The policy's kind (<c>targetTracking</c>, ...).</param>
/// <param name="Status">Whether and why the policy votes.</param>
/// <param name="Desired">The capacity the policy votes for; null when it casts no vote.</param>
/// <param name="Explanation">One readable line, starting with the policy's name.</param>
public sealed record PolicyProposal(string Policy, string Type, ProposalStatus Status, int? Desired, string Explanation)
{
    /// <summary>The metric value the policy compared (utilization percent, per-instance average, aggregate).</summary>
    public double? MetricValue { get; init; }

    /// <summary>Metric value / target, for target-tracking kinds.</summary>
    public double? Ratio { get; init; }

    /// <summary>Zero-based index of the step or rule that matched.</summary>
    public int? StepIndex { get; init; }

    /// <summary>How sure the policy is, 0..1 (forecasts); 1 for measured metrics.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>False when the policy never votes below current (<c>disableScaleIn</c>): it takes no part in scale-in.</summary>
    public bool MayScaleIn { get; init; } = true;

    /// <summary>Bounds override for this evaluation; null for none.</summary>
    public CapacityBounds? Bounds { get; init; }

    /// <summary>A capacity no decision may go below while it holds (a predictive forecast); null for none.</summary>
    public int? Floor { get; init; }
}
