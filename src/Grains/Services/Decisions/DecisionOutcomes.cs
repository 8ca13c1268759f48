using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;
using Autoscaler.Scaling;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>Builds the records of a decision and of what became of it. No I/O: everything is an argument.</summary>
internal static class DecisionOutcomes
{
    /// <summary>An evaluation that changed nothing, with the engine's explanation and <paramref name="note"/> (why data was missing).</summary>
    public static DecisionRecord NoChange(string target, DateTimeOffset now, int current, ScalingEvaluation evaluation, string trigger, string? note = null) =>
        new($"{target}-eval", target, now, DecisionKind.NoChange, current, current, ActorOf(evaluation.LimitedBy, evaluation.DrivenBy), false,
            evaluation.LimitedBy?.ToString(), WithNote(evaluation.Explanation.ToLines(), note), trigger);

    /// <summary>
    /// An evaluation that wanted a change the target may not make now (<paramref name="reason"/>: its actuator is backing off
    /// after failures, or its history outbox is full): nothing is decided, the engine's lines say what it wanted.
    /// </summary>
    public static DecisionRecord Held(string target, DateTimeOffset now, int current, ScalingEvaluation evaluation, string trigger, string reason) =>
        new($"{target}-eval", target, now, DecisionKind.NoChange, current, current, ActorOf(evaluation.LimitedBy, evaluation.DrivenBy), false,
            evaluation.LimitedBy?.ToString(), [.. evaluation.Explanation.ToLines(), reason], trigger);

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
        ManualScale? manual, string trigger, string? note = null)
    {
        var to = decision.Desired > from ? approval.Granted : decision.Desired;
        var explanation = WithNote(approval.Trimmed ? [.. decision.Explanation, $"supervisor: {approval.Explanation}"] : decision.Explanation, note);
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

    /// <summary>The actuation failed: the decision's lines, the failure and, when backing off, when the next attempt may be.</summary>
    public static DecisionRecord Failed(DecisionRecord decided, DateTimeOffset now, string failure, int failures = 1, DateTimeOffset? nextAttempt = null) =>
        decided with
        {
            Kind = DecisionKind.Failed,
            At = now,
            DurationMs = (now - decided.At).TotalMilliseconds,
            Explanation = nextAttempt is { } next
                ? [.. decided.Explanation, failure, $"{failures} failure(s) in a row: the next attempt waits until {next.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"]
                : [.. decided.Explanation, failure],
        };

    /// <summary>
    /// The actuator has reported <paramref name="observed"/> while <paramref name="current"/> was in effect since
    /// <paramref name="since"/>, past the target's limit; <paramref name="action"/> says what is done about it.
    /// </summary>
    public static DecisionRecord Drifted(string target, DateTimeOffset now, int current, int observed, DateTimeOffset since, TimeSpan limit, string action) =>
        new($"{target}-drift-{now.UtcDateTime:yyyyMMddTHHmmssfff}Z", target, now, DecisionKind.Drifted, current, observed, "actuator", false, null,
            [
                $"the actuator reports {observed} while {current} is in effect, for {Math.Round((now - since).TotalSeconds)} s (drift limit {limit.TotalSeconds} s)",
                action switch
                {
                    DriftActions.Adopt => $"adopt: {observed} is now the capacity in effect; the policies decide from there",
                    DriftActions.Reassert => $"reassert: capacity {current} is applied again",
                    _ => "none: flagged only (drift action none)",
                },
            ],
            "drift");

    /// <summary>Applying the capacity in effect again after a drift (drift action <c>reassert</c>).</summary>
    public static DecisionRecord Reassert(string target, long sequence, DateTimeOffset now, int observed, int current) =>
        new($"{target}-{sequence}", target, now, DecisionKind.Decision, observed, current, "drift:reassert", false, null,
            [$"drift: the actuator reports {observed}; reasserting the capacity in effect, {current}"], "drift");

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

    private static IReadOnlyList<string> WithNote(IReadOnlyList<string> lines, string? note) => note is null ? lines : [.. lines, note];

    private static IReadOnlyList<string> WithReason(IReadOnlyList<string> explanation, ScaleApproval approval, ScalingFlags flags)
    {
        var reason = !approval.Enabled ? "not applied: scaling is disabled for the scope"
            : !flags.Enabled ? "not applied: the target is disabled"
            : approval.DryRun || flags.DryRun ? "not applied: dry-run"
            : null;
        return reason is null ? explanation : [.. explanation, reason];
    }
}
