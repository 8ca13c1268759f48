namespace Autoscaler.Scaling.Policies;

/// <summary>
/// What one policy proposes in one evaluation, as a value: the engine keeps these in a reusable buffer, and the
/// policy's explanation line sits in the evaluation's <see cref="Explanations.ExplanationWriter"/>.
/// <see cref="PolicyProposal"/> is the same with its line rendered, for documents and callers that keep it.
/// </summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Type">The policy's kind (<c>targetTracking</c>, ...).</param>
/// <param name="Status">Whether and why the policy votes.</param>
/// <param name="Desired">The capacity the policy votes for; null when it casts no vote.</param>
public readonly record struct Proposal(string Policy, string Type, ProposalStatus Status, int? Desired)
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

    /// <summary>
    /// A capacity no decision may go below while it holds (a predictive forecast, AWS semantics): it raises the effective
    /// min for this evaluation; other policies may scale above it. Null for none.
    /// </summary>
    public int? Floor { get; init; }

    /// <summary>
    /// True when the proposal counts as a vote: it has a <see cref="Desired"/> and status Vote, BlockedByCooldown or
    /// Suspended. (NoData objects to scale-in; other statuses abstain.)
    /// </summary>
    public bool IsVote =>
        Desired is not null && Status is ProposalStatus.Vote or ProposalStatus.BlockedByCooldown or ProposalStatus.Suspended;

    /// <summary>A vote for <paramref name="desired"/>.</summary>
    public static Proposal Vote(ScalingPolicy policy, int desired) => new(policy.Name, policy.Type, ProposalStatus.Vote, desired);

    /// <summary>No vote because the metric has no usable data.</summary>
    public static Proposal NoData(ScalingPolicy policy) => new(policy.Name, policy.Type, ProposalStatus.NoData, null);

    /// <summary>No vote for the given reason.</summary>
    public static Proposal NoVote(ScalingPolicy policy, ProposalStatus status) => new(policy.Name, policy.Type, status, null);

    /// <summary>This proposal with its explanation line rendered.</summary>
    public PolicyProposal Explained(string explanation) => new(Policy, Type, Status, Desired, explanation)
    {
        MetricValue = MetricValue,
        Ratio = Ratio,
        StepIndex = StepIndex,
        Confidence = Confidence,
        MayScaleIn = MayScaleIn,
        Bounds = Bounds,
        Floor = Floor,
    };
}
