using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Combination;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;

namespace Autoscaler.Scaling;

/// <summary>
/// One evaluation step: every policy proposes, the proposals combine, then Kubernetes behavior (stabilization, rate
/// limits) and the bounds apply. Pure and deterministic: grains call it every evaluation with their metrics and history.
/// </summary>
public static class ScalingEngine
{
    /// <summary>Evaluates <paramref name="request"/>.</summary>
    public static ScalingDecision Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = request.PolicySet;
        var target = request.Target;
        var now = request.Now;
        var current = target.Current;

        // A target seen for the first time: its current capacity counts as a recommendation made now (Kubernetes
        // maybeInitScaleDownStabilizationWindow), so nothing scales down before the window has seen real recommendations.
        var history = request.History ?? new ScalingHistory([new Recommendation(now, current)], []);
        var query = request.Query ?? new LazyReadingsQuery(request.Metrics, now);
        var context = new PolicyContext(now, target, request.Metrics, history, query);

        var proposals = new List<PolicyProposal>(set.Policies.Count + 1);
        var explanation = new List<string>(set.Policies.Count + 2);
        var min = target.Min;
        var max = target.Max;
        var noData = false;
        for (var i = 0; i < set.Policies.Count; i++)
        {
            var proposal = Propose(set.Policies[i], context, set.Suspend, current);
            if (proposal.Bounds is { } bounds)
            {
                min = bounds.Min ?? min;
                max = bounds.Max ?? max;
            }

            noData |= proposal.Status == ProposalStatus.NoData;
            proposals.Add(proposal);
            explanation.Add(proposal.Explanation);
        }

        max = Math.Max(max, min);
        var withoutData = noData ? history.EvaluationsWithoutData + 1 : 0;
        var fallbackActive = false;
        if (set.Fallback is { } fallback && withoutData >= fallback.FailureThreshold)
        {
            fallbackActive = true;
            var line = $"fallback: some policy had no data in {withoutData} consecutive evaluations (threshold {fallback.FailureThreshold}) -> {fallback.Replicas}";
            proposals.Add(new PolicyProposal("fallback", "fallback", ProposalStatus.Vote, fallback.Replicas, line));
            explanation.Add(line);
        }

        var lastActive = history.LastActiveAt;
        bool? active = null;
        var activationDetail = string.Empty;
        if (set.ScaleToZero is { } zero)
        {
            active = Activation.IsActive(zero, request.Metrics, out activationDetail);
            lastActive = active == true ? now : lastActive ?? now;
        }

        Outcome outcome;
        if (current == 0 && target.Min > 0)
        {
            outcome = new Outcome(0, 0, 0, LimitReason.Disabled, null,
                $"combined: current capacity 0 with min {target.Min}: scaling is disabled for this target, no change");
        }
        else if (set.Override is { } manual && manual.IsActive(now))
        {
            var capacity = Math.Clamp(manual.Capacity, min, max);
            var reason = manual.Reason is null ? string.Empty : $" ({manual.Reason})";
            var until = manual.ExpiresAt is { } expiry ? $" until {Json.Rfc3339.Format(expiry)}" : string.Empty;
            outcome = new Outcome(capacity, capacity, capacity, LimitReason.ManualOverride, null,
                $"combined: manual override to {manual.Capacity}{reason}{until} -> {capacity}");
        }
        else if (set.ScaleToZero is { } rule && ZeroScalingStep.Decide(rule, active, activationDetail, lastActive, now, current, min, max, proposals, set, fallbackActive) is { } zeroOutcome)
        {
            outcome = zeroOutcome;
        }
        else
        {
            if (set.ScaleToZero is not null)
            {
                // Between zero and max the policies decide, with 1 as the floor (KEDA hands the HPA min 1).
                min = Math.Max(min, Math.Min(1, max));
            }

            outcome = current < min || current > max
                ? OutOfBounds(current, min, max, proposals, set, fallbackActive)
                : Normal(current, min, max, set, proposals, history, now, fallbackActive);
        }

        explanation.Add(outcome.Line);
        var change = outcome.Desired - current;
        var drivenBy = change == 0 ? null : outcome.DrivenBy;
        return new ScalingDecision(current, outcome.Desired, proposals, outcome.Stabilized, outcome.LimitedBy, explanation)
        {
            Recommendation = outcome.Recommendation,
            DrivenBy = drivenBy,
            Min = min,
            Max = max,
            EvaluationsWithoutData = withoutData,
            LastActiveAt = lastActive,
            NextHistory = HistoryKeeper.Next(history, set, now, outcome.Recommendation, change, drivenBy, withoutData, lastActive),
            HistoryIfNotApplied = HistoryKeeper.Next(history, set, now, outcome.Recommendation, 0, null, withoutData, lastActive),
        };
    }

    private static PolicyProposal Propose(ScalingPolicy policy, PolicyContext context, SuspendedState suspend, int current)
    {
        if (policy.IsScheduled && suspend.Scheduled)
        {
            return PolicyProposal.NoVote(policy, ProposalStatus.Suspended, $"{policy.Name}: scheduled scaling is suspended");
        }

        var proposal = policy.Propose(context);
        if (policy.IsScheduled || proposal.Desired is not { } desired || !ProposalCombiner.IsVote(proposal))
        {
            return proposal;
        }

        if ((suspend.DynamicScaleOut && desired > current) || (suspend.DynamicScaleIn && desired < current))
        {
            var direction = desired > current ? "scale-out" : "scale-in";
            return proposal with
            {
                Status = ProposalStatus.Suspended,
                Desired = current,
                Explanation = $"{proposal.Explanation}; dynamic {direction} is suspended -> {current}",
            };
        }

        return proposal;
    }

    private static Outcome Normal(
        int current, int min, int max, PolicySet set, List<PolicyProposal> proposals, ScalingHistory history, DateTimeOffset now, bool fallbackActive)
    {
        var combined = ProposalCombiner.Combine(proposals, current, set.Consensus, !fallbackActive);
        var behavior = set.Behavior;
        var stabilized = Stabilizer.Stabilize(combined.Desired, current, behavior, history.Recommendations, now);
        var rate = RateLimiter.Apply(stabilized, current, min, max, behavior, history.ScaleEvents, now);
        var limitedBy = rate.LimitedBy ?? (stabilized != combined.Desired ? LimitReason.Stabilized : combined.HeldBy);

        var line = $"combined: {combined.Summary}";
        if (combined.Desired != current)
        {
            var window = Stabilizer.WindowValues(combined.Desired, current, behavior, history.Recommendations, now);
            line += $"; stabilization window holds [{string.Join(", ", window)}]";
            line += stabilized != combined.Desired ? $" -> {stabilized}" : string.Empty;
        }

        line += RateNotes.Describe(stabilized, current, min, max, rate);
        return new Outcome(rate.Desired, stabilized, combined.Desired, limitedBy, combined.DrivenBy, line);
    }

    private static Outcome OutOfBounds(int current, int min, int max, List<PolicyProposal> proposals, PolicySet set, bool fallbackActive)
    {
        // Kubernetes moves a target outside its bounds straight to the nearest bound, before any metric math.
        var combined = ProposalCombiner.Combine(proposals, current, set.Consensus, !fallbackActive);
        return current < min
            ? new Outcome(min, min, combined.Desired, LimitReason.TooFewReplicas, null, $"combined: current {current} is below min {min} -> {min}")
            : new Outcome(max, max, combined.Desired, LimitReason.TooManyReplicas, null, $"combined: current {current} is above max {max} -> {max}");
    }
}
