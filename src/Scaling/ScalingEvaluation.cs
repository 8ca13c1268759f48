using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling;

/// <summary>
/// The result of <see cref="ScalingEvaluator.Evaluate"/>: the numbers directly, the proposals and explanation as views of
/// the evaluator's buffers (valid until its next evaluation), and <see cref="ToDecision"/> to render a
/// <see cref="ScalingDecision"/> that can be kept.
/// </summary>
public readonly struct ScalingEvaluation
{
    private readonly ScalingEvaluator _evaluator;
    private readonly int _version;
    private readonly PolicySet _policySet;
    private readonly ScalingHistory _history;
    private readonly DateTimeOffset _now;
    private readonly Outcome _outcome;

    internal ScalingEvaluation(
        ScalingEvaluator evaluator, int version, PolicySet policySet, ScalingHistory history, DateTimeOffset now, int current, Outcome outcome, string? drivenBy)
    {
        _evaluator = evaluator;
        _version = version;
        _policySet = policySet;
        _history = history;
        _now = now;
        _outcome = outcome;
        Current = current;
        DrivenBy = drivenBy;
    }

    /// <summary>Capacity before the decision.</summary>
    public int Current { get; }

    /// <summary>Capacity to set.</summary>
    public int Desired => _outcome.Desired;

    /// <summary>Signed change: Desired - Current.</summary>
    public int Change => Desired - Current;

    /// <summary>The recommendation after the stabilization windows, before rate limits and bounds.</summary>
    public int Stabilized => _outcome.Stabilized;

    /// <summary>The combined, unstabilized proposal: what the stabilization windows remember of this evaluation.</summary>
    public int Recommendation => _outcome.Recommendation;

    /// <summary>What held the decision away from the combined proposal; null when nothing did.</summary>
    public LimitReason? LimitedBy => _outcome.LimitedBy;

    /// <summary>The policy whose proposal set the direction, when capacity changes.</summary>
    public string? DrivenBy { get; }

    /// <summary>Effective min after policies' bounds overrides and scale-to-zero.</summary>
    public int Min { get; init; }

    /// <summary>Effective max after policies' bounds overrides.</summary>
    public int Max { get; init; }

    /// <summary>Consecutive evaluations, this one included, in which some policy had no data.</summary>
    public int EvaluationsWithoutData { get; init; }

    /// <summary>When a scale-to-zero activation metric was last above its threshold.</summary>
    public DateTimeOffset? LastActiveAt { get; init; }

    /// <summary>Every policy's proposal in policy order (then the fallback's); line i of <see cref="Explanation"/> explains proposal i.</summary>
    public ReadOnlySpan<Proposal> Proposals => _evaluator.Proposals(_version);

    /// <summary>Readable lines: one per proposal, then the combination.</summary>
    public ExplanationWriter Explanation => _evaluator.Explanation(_version);

    /// <summary>The history to pass to the next evaluation once this decision is applied (see <see cref="ScalingDecision.NextHistory"/>).</summary>
    public ScalingHistory NextHistory() =>
        HistoryKeeper.Next(_history, _policySet, _now, Recommendation, Change, DrivenBy, EvaluationsWithoutData, LastActiveAt);

    /// <summary>The history to pass on when the change could not be applied: the recommendation, no scale event.</summary>
    public ScalingHistory HistoryIfNotApplied() =>
        HistoryKeeper.Next(_history, _policySet, _now, Recommendation, 0, null, EvaluationsWithoutData, LastActiveAt);

    /// <summary>Renders this evaluation as a <see cref="ScalingDecision"/> that stays valid (allocates its lists and strings).</summary>
    public ScalingDecision ToDecision()
    {
        var proposals = Proposals;
        var explanation = Explanation;
        var explained = new PolicyProposal[proposals.Length];
        for (var i = 0; i < explained.Length; i++)
        {
            explained[i] = proposals[i].Explained(explanation.LineText(i));
        }

        return new ScalingDecision(Current, Desired, explained, Stabilized, LimitedBy, explanation.ToLines())
        {
            Recommendation = Recommendation,
            DrivenBy = DrivenBy,
            Min = Min,
            Max = Max,
            EvaluationsWithoutData = EvaluationsWithoutData,
            LastActiveAt = LastActiveAt,
            NextHistory = NextHistory(),
            HistoryIfNotApplied = HistoryIfNotApplied(),
        };
    }
}
