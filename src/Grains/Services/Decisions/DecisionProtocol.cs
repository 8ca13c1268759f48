using System.Diagnostics;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Ports.Actuation;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Model;
using Microsoft.Extensions.Logging;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>
/// The decision protocol of one target: the engine evaluates every policy against the windows → the supervisor approves
/// or trims → the decision is written ahead → the actuator applies it → the outcome is recorded, published and appended
/// to history. A failed actuation keeps the last good capacity (rollback) and says so; a decision found written ahead but
/// unresolved after a failover is settled by reading the actuator back, never by deciding anew.
/// </summary>
internal sealed partial class DecisionProtocol(
    LiveTarget target,
    ITargetStore store,
    ISupervisorLink supervisor,
    ActuatorGateway actuator,
    DecisionReporter reporter,
    TargetUpkeep upkeep,
    TimeProvider clock,
    ControlPlaneMetrics metrics,
    ILogger logger)
{
    /// <summary>
    /// Evaluates now. <paramref name="scaleOutOnly"/> (the fast path on telemetry) acts only on a scale-out and leaves the
    /// engine's memory untouched otherwise; a full evaluation also advances the stabilization memory and the upkeep.
    /// </summary>
    public async Task<DecisionRecord> EvaluateAsync(string trigger, bool scaleOutOnly)
    {
        using var span = DecisionTracing.Source.StartActivity(DecisionTracing.DecisionEvaluate);
        span?.SetTag("autoscaler.target", target.Id).SetTag("autoscaler.trigger", trigger);
        var started = clock.GetTimestamp();
        var decided = await DecideAsync(trigger, scaleOutOnly);
        metrics.Evaluated(trigger, clock.GetElapsedTime(started));
        span?.SetTag("autoscaler.from", decided.From).SetTag("autoscaler.to", decided.To).SetTag("autoscaler.decision", decided.Id);
        return decided;
    }

    private async Task<DecisionRecord> DecideAsync(string trigger, bool scaleOutOnly)
    {
        var definition = target.Registered;
        var now = clock.GetUtcNow();
        target.AccrueCost(now);

        // The thread's evaluator reuses its buffers: a no-change evaluation (most of them, and every quiet fast path)
        // renders only what it keeps; a change renders its decision before the first await.
        var evaluation = ScratchEvaluator.Current.Evaluate(target.Request(now));
        reporter.RecordVotes(evaluation, now);
        var from = target.Current;
        metrics.Registry.Report(target.Id, from, evaluation.Desired, definition.Min, definition.Max);
        if (evaluation.Desired == from || (scaleOutOnly && evaluation.Desired < from))
        {
            if (!scaleOutOnly)
            {
                target.History = evaluation.NextHistory();
                target.LastEvaluation = now;
                target.LastNoChange = DecisionOutcomes.NoChange(target.Id, now, from, evaluation, trigger);
                await upkeep.AfterQuietEvaluationAsync(now);
            }

            return target.LastNoChange ?? DecisionOutcomes.Quiet(target.Id, now, from, trigger);
        }

        var decision = evaluation.ToDecision();
        target.LastEvaluation = now;
        var approval = await RequestCapacityAsync(definition, from, decision.Desired);
        var flags = definition.Flags ?? new ScalingFlags();
        var decided = DecisionRecordSharing.ForKeeping(
            DecisionOutcomes.Decided(target.Id, ++target.DecisionSequence, now, from, decision, approval, flags, target.Override, trigger),
            target.RecentDecisions);

        if (decided.To == from || !DecisionOutcomes.MayActuate(approval, flags))
        {
            target.History = decision.HistoryIfNotApplied;
            target.Remember(decided);
            await reporter.ReportAsync(decided, decided.To == from ? "trimmed" : "not-actuated", publish: decided.To != from);
            await upkeep.WriteAsync(now);
            return decided;
        }

        // Write-ahead: the decision is durable before the actuator sees it; its history row and event go out while the
        // actuator works, so neither sits on the reaction path.
        target.Pending = decided;
        target.Remember(decided);
        await store.WriteAsync();
        var reported = reporter.ReportAsync(decided, "pending", publish: true);
        var result = await actuator.ApplyAsync(definition, decided.Id, decided.To);
        await reported;
        return await CompleteAsync(decided, result, decision);
    }

    private async Task<ScaleApproval> RequestCapacityAsync(TargetDefinition definition, int from, int desired)
    {
        using var span = DecisionTracing.Source.StartActivity(DecisionTracing.SupervisorRequest);
        span?.SetTag("autoscaler.scope", definition.Scope).SetTag("autoscaler.requested", desired);
        var approval = await supervisor.RequestCapacityAsync(
            definition.Scope, new TargetCapacityRequest(target.Id, from, desired, definition.Priority, definition.UnitCostPerHour));
        var result = !approval.Enabled ? "disabled" : approval.DryRun ? "dry-run" : approval.Trimmed ? "trimmed" : "approved";
        metrics.SupervisorAnswered(result);
        span?.SetTag("autoscaler.granted", approval.Granted).SetTag("autoscaler.result", result);
        return approval;
    }

    /// <summary>After a crash between write-ahead and outcome: the actuator says whether the decision took effect.</summary>
    public async Task ResolvePendingAsync(DecisionRecord pending, CancellationToken cancellationToken)
    {
        var observed = await actuator.ReadAsync(target.Registered, cancellationToken);
        var applied = observed.Succeeded && observed.Capacity?.Desired == pending.To;
        await CompleteAsync(
            pending,
            applied ? observed : ScaleTargetResult.Failure(observed.ErrorKind ?? ScaleTargetErrorKind.Transient, "not applied before the silo was lost"),
            decision: null);
    }

    private async Task<DecisionRecord> CompleteAsync(DecisionRecord decided, ScaleTargetResult result, ScalingDecision? decision)
    {
        var definition = target.Registered;
        var now = clock.GetUtcNow();
        target.Pending = null;
        DecisionRecord outcome;
        if (result.Succeeded)
        {
            Applied(decided, result, decision);
            outcome = DecisionOutcomes.Actuated(decided, now);
            target.Remember(outcome);
            await reporter.ReportAsync(outcome, "succeeded", publish: true);
            LogScaled(logger, target.Id, decided.From, decided.To, decided.Actor, decided.Trigger);
        }
        else
        {
            target.ConsecutiveFailures++;
            if (decision is not null)
            {
                target.History = decision.HistoryIfNotApplied;
            }

            var failure = DecisionOutcomes.Failure(definition.Actuator.Kind, result);
            outcome = DecisionOutcomes.Failed(decided, now, failure);
            target.Remember(outcome);
            await reporter.ReportAsync(outcome, "failed", publish: true);
            var rolledBack = DecisionOutcomes.RolledBack(decided, now, failure);
            target.Remember(rolledBack);
            await reporter.ReportAsync(rolledBack, "rolled-back", publish: true);
            LogActuationFailed(logger, target.Id, decided.Id, failure);
        }

        metrics.Registry.Report(target.Id, target.Current, desired: null, definition.Min, definition.Max);
        await upkeep.WriteAsync(now);
        await upkeep.ReportToSupervisorAsync(now);
        await upkeep.SaveWindowsIfDueAsync(now);
        return outcome;
    }

    private void Applied(DecisionRecord decided, ScaleTargetResult result, ScalingDecision? decision)
    {
        var before = target.History;
        target.Current = decided.To;
        target.Observed = result.Capacity?.Desired;
        target.LastScaling = decided.At;
        target.ConsecutiveFailures = 0;
        if (decision is not null && target.PolicySet is { } policySet)
        {
            target.History = HistoryKeeper.Next(before, policySet, decided.At, decision.Recommendation, decided.To - decided.From,
                decision.DrivenBy, decision.EvaluationsWithoutData, decision.LastActiveAt);
            return;
        }

        // Resolved after a failover: the engine's decision is gone, but its scale event still counts for cooldowns and
        // rate limits.
        var policy = decided.Actor.StartsWith("policy:", StringComparison.Ordinal) ? decided.Actor["policy:".Length..] : null;
        target.History = before with { ScaleEvents = [.. before.ScaleEvents, new ScaleEvent(decided.At, decided.To - decided.From, policy)] };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target} scaled {From} -> {To} ({Actor}, {Trigger})")]
    private static partial void LogScaled(ILogger logger, string target, int from, int to, string actor, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: decision {Decision} failed and was rolled back: {Failure}")]
    private static partial void LogActuationFailed(ILogger logger, string target, string decision, string failure);
}
