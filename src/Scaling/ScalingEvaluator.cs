using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Combination;
using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;

namespace Autoscaler.Scaling;

/// <summary>
/// One evaluation step: every policy proposes, the proposals combine, then Kubernetes behavior (stabilization, rate
/// limits) and the bounds apply. Pure and deterministic. An evaluator owns the buffers an evaluation writes (proposals,
/// explanation text, the policies' context) and reuses them, so a target evaluated again and again (a grain keeps one)
/// allocates nothing once the buffers have grown to fit; <see cref="ScalingEvaluation.ToDecision"/> renders a decision
/// to keep. Not thread-safe: one evaluator per target (or per caller).
/// </summary>
public sealed class ScalingEvaluator
{
    private readonly ExplanationWriter _explanation = new();
    private readonly LazyReadingsQuery _readingsQuery = new();
    private PolicyContext? _context;
    private Proposal[] _proposals = new Proposal[4];
    private int _proposalCount;
    private int _version;

    /// <summary>
    /// Evaluates <paramref name="request"/>. The result reads this evaluator's buffers: it is valid until the next call
    /// to <see cref="Evaluate"/> (using it later throws).
    /// </summary>
    public ScalingEvaluation Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = request.PolicySet;
        var target = request.Target;
        var now = request.Now;
        var current = target.Current;
        _version++;
        _explanation.Clear();
        _proposalCount = 0;

        // A target seen for the first time: its current capacity counts as a recommendation made now (Kubernetes
        // maybeInitScaleDownStabilizationWindow), so nothing scales down before the window has seen real recommendations.
        var history = request.History ?? new ScalingHistory([new TimestampedRecommendation(now, current)], []);
        var query = request.Query ?? _readingsQuery.Reset(request.Metrics, now);
        var context = _context ??= new PolicyContext(now, target, request.Metrics, history, query);
        context.Reset(now, target, request.Metrics, history, query);

        var min = target.Min;
        var max = target.Max;
        var noData = false;
        var floor = 0;
        for (var i = 0; i < set.Policies.Count; i++)
        {
            var proposal = Propose(set.Policies[i], context, set.Suspend, current);
            _explanation.EndLine();
            if (proposal.Bounds is { } bounds)
            {
                min = bounds.Min ?? min;
                max = bounds.Max ?? max;
            }

            floor = Math.Max(floor, proposal.Floor ?? 0);

            noData |= proposal.Status == ProposalStatus.NoData;
            Add(proposal);
        }

        // A forecast floor raises min (never past max): dynamic policies scale above it, never below (AWS predictive).
        min = Math.Max(min, Math.Min(floor, max));
        max = Math.Max(max, min);
        var withoutData = noData ? history.EvaluationsWithoutData + 1 : 0;
        var fallbackActive = false;
        if (set.Fallback is { } fallback && withoutData >= fallback.FailureThreshold)
        {
            fallbackActive = true;
            _explanation.Append(
                $"fallback: some policy had no data in {withoutData} consecutive evaluations (threshold {fallback.FailureThreshold}) -> {fallback.Replicas}");
            _explanation.EndLine();
            Add(new Proposal("fallback", "fallback", ProposalStatus.Vote, fallback.Replicas));
        }

        var lastActive = history.LastActiveAt;
        var activation = default(ActivationState);
        if (set.ScaleToZero is { } zero)
        {
            activation = Activation.Check(zero, request.Metrics);
            lastActive = activation.Active == true ? now : lastActive ?? now;
        }

        var outcome = Decide(request, history, ref min, max, activation, lastActive, fallbackActive);
        _explanation.EndLine();
        var change = outcome.Desired - current;
        return new ScalingEvaluation(this, _version, set, history, now, current, outcome, change == 0 ? null : outcome.DrivenBy)
        {
            Min = min,
            Max = max,
            EvaluationsWithoutData = withoutData,
            LastActiveAt = lastActive,
        };
    }

    /// <summary>The proposals of evaluation <paramref name="version"/>, policy order, then the fallback's.</summary>
    internal ReadOnlySpan<Proposal> Proposals(int version)
    {
        EnsureCurrent(version);
        return _proposals.AsSpan(0, _proposalCount);
    }

    /// <summary>The explanation of evaluation <paramref name="version"/>: a line per proposal, then the combined line.</summary>
    internal ExplanationWriter Explanation(int version)
    {
        EnsureCurrent(version);
        return _explanation;
    }

    private Outcome Decide(
        EvaluationRequest request, ScalingHistory history, ref int min, int max, ActivationState activation, DateTimeOffset? lastActive,
        bool fallbackActive)
    {
        var set = request.PolicySet;
        var target = request.Target;
        var now = request.Now;
        var current = target.Current;
        var proposals = _proposals.AsSpan(0, _proposalCount);
        if (current == 0 && target.Min > 0)
        {
            _explanation.Append($"combined: current capacity 0 with min {target.Min}: scaling is disabled for this target, no change");
            return new Outcome(0, 0, 0, LimitReason.Disabled, null);
        }

        if (set.Override is { } manual && manual.IsActive(now))
        {
            var capacity = Math.Clamp(manual.Capacity, min, max);
            _explanation.Append($"combined: manual override to {manual.Capacity}");
            if (manual.Reason is not null)
            {
                _explanation.Append($" ({manual.Reason})");
            }

            if (manual.ExpiresAt is { } expiry)
            {
                _explanation.Append(" until ");
                _explanation.AppendValue(expiry.ToUniversalTime(), Rfc3339.FormatFor(expiry));
            }

            _explanation.Append($" -> {capacity}");
            return new Outcome(capacity, capacity, capacity, LimitReason.ManualOverride, null);
        }

        if (set.ScaleToZero is { } rule
            && ZeroScalingStep.Decide(rule, activation, lastActive, now, current, min, max, proposals, set, fallbackActive, _explanation) is { } zero)
        {
            return zero;
        }

        if (set.ScaleToZero is not null)
        {
            // Between zero and max the policies decide, with 1 as the floor (KEDA hands the HPA min 1).
            min = Math.Max(min, Math.Min(1, max));
        }

        return current < min || current > max
            ? OutOfBounds(current, min, max, proposals, set, fallbackActive)
            : Normal(current, min, max, set, proposals, history, now, fallbackActive);
    }

    private Outcome Normal(
        int current, int min, int max, PolicySet set, ReadOnlySpan<Proposal> proposals, ScalingHistory history, DateTimeOffset now, bool fallbackActive)
    {
        _explanation.Append("combined: ");
        var combined = ProposalCombiner.Combine(proposals, current, set.Consensus, !fallbackActive, _explanation);
        var behavior = set.Behavior;
        var stabilized = Stabilizer.Stabilize(combined.Desired, current, behavior, history.Recommendations, now);
        var rate = RateLimiter.Apply(stabilized, current, min, max, behavior, history.ScaleEvents, now);
        var limitedBy = rate.LimitedBy ?? (stabilized != combined.Desired ? LimitReason.Stabilized : combined.HeldBy);
        if (combined.Desired != current)
        {
            _explanation.Append("; stabilization window holds ");
            Stabilizer.DescribeWindow(_explanation, combined.Desired, current, behavior, history.Recommendations, now);
            if (stabilized != combined.Desired)
            {
                _explanation.Append($" -> {stabilized}");
            }
        }

        RateNotes.Describe(_explanation, stabilized, current, min, max, rate);
        return new Outcome(rate.Desired, stabilized, combined.Desired, limitedBy, combined.DrivenBy);
    }

    private Outcome OutOfBounds(int current, int min, int max, ReadOnlySpan<Proposal> proposals, PolicySet set, bool fallbackActive)
    {
        // Kubernetes moves a target outside its bounds straight to the nearest bound, before any metric math.
        var combined = ProposalCombiner.Combine(proposals, current, set.Consensus, !fallbackActive, summary: null);
        if (current < min)
        {
            _explanation.Append($"combined: current {current} is below min {min} -> {min}");
            return new Outcome(min, min, combined.Desired, LimitReason.TooFewReplicas, null);
        }

        _explanation.Append($"combined: current {current} is above max {max} -> {max}");
        return new Outcome(max, max, combined.Desired, LimitReason.TooManyReplicas, null);
    }

    private Proposal Propose(ScalingPolicy policy, PolicyContext context, SuspendedState suspend, int current)
    {
        if (policy.IsScheduled && suspend.Scheduled)
        {
            _explanation.Append($"{policy.Name}: scheduled scaling is suspended");
            return Proposal.NoVote(policy, ProposalStatus.Suspended);
        }

        var proposal = policy.Propose(context, _explanation);
        if (policy.IsScheduled || proposal.Desired is not { } desired || !proposal.IsVote)
        {
            return proposal;
        }

        if ((suspend.DynamicScaleOut && desired > current) || (suspend.DynamicScaleIn && desired < current))
        {
            var direction = desired > current ? "scale-out" : "scale-in";
            _explanation.Append($"; dynamic {direction} is suspended -> {current}");
            return proposal with { Status = ProposalStatus.Suspended, Desired = current };
        }

        return proposal;
    }

    private void Add(Proposal proposal)
    {
        if (_proposalCount == _proposals.Length)
        {
            Array.Resize(ref _proposals, _proposals.Length * 2);
        }

        _proposals[_proposalCount++] = proposal;
    }

    private void EnsureCurrent(int version)
    {
        if (version != _version)
        {
            throw new InvalidOperationException(
                "This evaluation's buffers were reused by a later evaluation; call ToDecision() to keep an evaluation.");
        }
    }
}
