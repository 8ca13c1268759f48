using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;
using Autoscaler.Scaling;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>Builds the records of a decision and of what became of it. No I/O: everything is an argument.</summary>
internal static class DecisionOutcomes
{
    /// <summary>An evaluation that changed nothing, with the engine's explanation.</summary>
    public static DecisionRecord NoChange(string target, DateTimeOffset now, int current, ScalingEvaluation evaluation, string trigger) =>
        new($"{target}-eval", target, now, DecisionKind.NoChange, current, current, ActorOf(evaluation.LimitedBy, evaluation.DrivenBy), false,
            evaluation.LimitedBy?.ToString(), evaluation.Explanation.ToLines(), trigger);

    /// <summary>The no-change answer of a fast path before any full evaluation ran.</summary>
    public static DecisionRecord Quiet(string target, DateTimeOffset now, int current, string trigger) =>
        new($"{target}-eval", target, now, DecisionKind.NoChange, current, current, "none", false, null, [], trigger);

    /// <summary>True when the supervisor and the target's own flags let a decision reach the actuator.</summary>
    public static bool MayActuate(ScaleApproval approval, ScalingFlags flags) => approval.MayActuate && flags.Enabled && !flags.DryRun;

    /// <summary>
    /// The decision as approved: a scale-out moves to what the supervisor granted (its trim explained), a scale-in as
    /// decided; a decision that may not be actuated says why.
    /// </summary>
    public static DecisionRecord Decided(
        string target, long sequence, DateTimeOffset now, int from, ScalingDecision decision, ScaleApproval approval, ScalingFlags flags,
        ManualScale? manual, string trigger)
    {
        var to = decision.Desired > from ? approval.Granted : decision.Desired;
        var explanation = approval.Trimmed ? [.. decision.Explanation, $"supervisor: {approval.Explanation}"] : decision.Explanation;
        var actor = decision.LimitedBy == LimitReason.ManualOverride && manual is not null ? $"manual:{manual.Actor}" : ActorOf(decision.LimitedBy, decision.DrivenBy);
        return new DecisionRecord(
            $"{target}-{sequence}",
            target,
            now,
            trigger == "manual" ? DecisionKind.Manual : DecisionKind.Decision,
            from,
            to,
            actor,
            DryRun: !MayActuate(approval, flags),
            approval.LimitedBy ?? decision.LimitedBy?.ToString(),
            WithReason(explanation, approval, flags),
            trigger);
    }

    /// <summary>The decision took effect.</summary>
    public static DecisionRecord Actuated(DecisionRecord decided, DateTimeOffset now) =>
        decided with { Kind = DecisionKind.Actuated, At = now, DurationMs = (now - decided.At).TotalMilliseconds, DryRun = false };

    /// <summary>
    /// The decision as the actuator could apply it when the host had room for only part of a scale-out: moved to what was
    /// granted, limited by <see cref="LimitReason.HostCapacity"/>, the host's figures in its explanation.
    /// </summary>
    public static DecisionRecord Limited(DecisionRecord decided, HostCapacityLimit limit) => decided with
    {
        To = limit.Granted,
        LimitedBy = nameof(LimitReason.HostCapacity),
        Explanation = [.. decided.Explanation, limit.Explanation],
    };

    /// <summary>The line that says why an actuation failed.</summary>
    public static string Failure(string actuatorKind, ScaleTargetResult result) =>
        $"actuator {actuatorKind}: {result.ErrorKind} after {result.Attempts} attempt(s): {result.Message}";

    /// <summary>The actuation failed: the decision's lines and the failure.</summary>
    public static DecisionRecord Failed(DecisionRecord decided, DateTimeOffset now, string failure) =>
        decided with { Kind = DecisionKind.Failed, At = now, DurationMs = (now - decided.At).TotalMilliseconds, Explanation = [.. decided.Explanation, failure] };

    /// <summary>After a failure the last good capacity stays.</summary>
    public static DecisionRecord RolledBack(DecisionRecord decided, DateTimeOffset now, string failure) => decided with
    {
        Kind = DecisionKind.RolledBack,
        At = now,
        To = decided.From,
        DurationMs = (now - decided.At).TotalMilliseconds,
        Explanation = [failure, $"kept the last good capacity {decided.From}"],
    };

    /// <summary>Who a decision is attributed to.</summary>
    public static string ActorOf(LimitReason? limitedBy, string? drivenBy) =>
        limitedBy == LimitReason.ManualOverride ? "manual"
        : drivenBy is { } policy ? $"policy:{policy}"
        : limitedBy == LimitReason.NoData ? "fallback"
        : "engine";

    private static IReadOnlyList<string> WithReason(IReadOnlyList<string> explanation, ScaleApproval approval, ScalingFlags flags)
    {
        var reason = !approval.Enabled ? "not applied: scaling is disabled for the scope"
            : !flags.Enabled ? "not applied: the target is disabled"
            : approval.DryRun || flags.DryRun ? "not applied: dry-run"
            : null;
        return reason is null ? explanation : [.. explanation, reason];
    }
}
