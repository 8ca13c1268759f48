using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling;

/// <summary>The engine's answer for one evaluation (the contract's <c>evaluate</c> output).</summary>
/// <param name="Current">Capacity before the decision.</param>
/// <param name="Desired">Capacity to set.</param>
/// <param name="Proposals">Every policy's proposal, in policy order.</param>
/// <param name="Stabilized">The recommendation after the stabilization windows, before rate limits and bounds.</param>
/// <param name="LimitedBy">What held the decision away from the combined proposal; null when nothing did.</param>
/// <param name="Explanation">Readable lines: one per policy, then the combination.</param>
public sealed record ScalingDecision(
    int Current,
    int Desired,
    IReadOnlyList<PolicyProposal> Proposals,
    int Stabilized,
    LimitReason? LimitedBy,
    IReadOnlyList<string> Explanation)
{
    /// <summary>The combined, unstabilized proposal: what the stabilization windows remember of this evaluation.</summary>
    public int Recommendation { get; init; }

    /// <summary>The policy whose proposal set the direction; the scale event is attributed to it (cooldowns).</summary>
    public string? DrivenBy { get; init; }

    /// <summary>Effective min after policies' bounds overrides and scale-to-zero.</summary>
    public int Min { get; init; }

    /// <summary>Effective max after policies' bounds overrides.</summary>
    public int Max { get; init; }

    /// <summary>Consecutive evaluations, this one included, in which some policy had no data.</summary>
    public int EvaluationsWithoutData { get; init; }

    /// <summary>When a scale-to-zero activation metric was last above its threshold.</summary>
    public DateTimeOffset? LastActiveAt { get; init; }

    /// <summary>
    /// The history to pass to the next evaluation once this decision is applied: this evaluation's recommendation and,
    /// when <see cref="Desired"/> differs from <see cref="Current"/>, a scale event, with entries too old to matter
    /// removed. A caller whose actuation failed should keep <see cref="HistoryIfNotApplied"/> instead.
    /// </summary>
    public ScalingHistory NextHistory { get; init; } = ScalingHistory.Empty;

    /// <summary>The history to pass on when the change could not be applied: the recommendation, no scale event.</summary>
    public ScalingHistory HistoryIfNotApplied { get; init; } = ScalingHistory.Empty;

    /// <summary>Signed change: Desired - Current.</summary>
    public int Change => Desired - Current;
}
