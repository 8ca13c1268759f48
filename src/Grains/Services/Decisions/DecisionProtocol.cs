using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Model;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>
/// The decision protocol of one target: the engine evaluates every policy against the windows → the supervisor approves
/// or trims → the decision is written ahead (with its history row in the outbox) → the actuator applies it → the outcome
/// is recorded, published and appended to history. A decision whose state write fails never happened (its number is used
/// by the next). A failed actuation keeps the last good capacity (rollback), says so, and backs off before the next
/// attempt; a decision found written ahead but unresolved after a failover is settled by reading the actuator back.
/// </summary>
internal sealed partial class DecisionProtocol(
    LiveTarget target,
    ISupervisorLink supervisor,
    ActuatorGateway actuator,
    DecisionReporter reporter,
    TargetUpkeep upkeep,
    TimeProvider clock,
    ControlPlaneMetrics metrics,
    ILogger logger)
{
    /// <summary>The fast path runs at most this often per target.</summary>
    public static readonly TimeSpan FastPathSpacing = TimeSpan.FromSeconds(1);

    private readonly DecisionOutcomeRecorder _outcomes = new(target, reporter, upkeep, logger);
    private readonly RepeatedFailures _evaluationFailures = new();
    private DateTimeOffset _lastFastPath = DateTimeOffset.MinValue;

    /// <summary>
    /// The fast path after telemetry arrived: a scale-out-only evaluation, at most once per <see cref="FastPathSpacing"/>
    /// and not while the actuator is backing off. The samples are already in the windows, so a failure (storage down, the
    /// supervisor unreachable) is logged, never thrown back at the telemetry pipeline.
    /// </summary>
    public async Task OnTelemetryAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _lastFastPath < FastPathSpacing || (target.NextAttemptAt is { } next && now < next))
        {
            return;
        }

        _lastFastPath = now;
        await GuardedAsync("fast-path", scaleOutOnly: true);
    }

    /// <summary>The evaluation timer: a full evaluation, then history rows left in the outbox and the windows when due.</summary>
    public async Task OnTimerAsync()
    {
        await GuardedAsync("timer", scaleOutOnly: false);
        await upkeep.FlushHistoryIfDueAsync(clock.GetUtcNow(), reporter);
        await upkeep.SaveWindowsIfDueAsync(clock.GetUtcNow());
    }

    /// <summary>
    /// Evaluates now. <paramref name="scaleOutOnly"/> (the fast path on telemetry) acts only on a scale-out and leaves the
    /// engine's memory untouched otherwise; a full evaluation also advances the stabilization memory and the upkeep.
    /// Throws when the decision's state could not be written (nothing was decided then).
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
        var note = FreshnessNote.For(target, evaluation, now);
        var quiet = evaluation.Desired == from || (scaleOutOnly && evaluation.Desired < from);
        var held = quiet ? null : HoldReason(trigger, now);
        if (quiet || held is not null)
        {
            if (!scaleOutOnly)
            {
                target.History = quiet ? evaluation.NextHistory() : evaluation.HistoryIfNotApplied();
                target.LastEvaluation = now;
                target.LastNoChange = held is null
                    ? DecisionOutcomes.NoChange(target.Id, now, from, evaluation, trigger, note)
                    : DecisionOutcomes.Held(target.Id, now, from, evaluation, trigger, held);
                await AfterQuietAsync(now);
            }

            return target.LastNoChange ?? DecisionOutcomes.Quiet(target.Id, now, from, trigger);
        }

        var decision = evaluation.ToDecision();
        var approval = await RequestCapacityAsync(definition, from, decision.Desired);
        var flags = definition.Flags ?? new ScalingFlags();
        var decided = DecisionRecordSharing.ForKeeping(
            DecisionOutcomes.Decided(target.Id, target.DecisionSequence + 1, now, from, decision, approval, flags, target.Override, trigger, note),
            target.RecentDecisions);
        if (decided.To != from && DecisionOutcomes.MayActuate(approval, flags))
        {
            return await ActuateAsync(decided, decision, now);
        }

        var checkpoint = target.Checkpoint();
        target.DecisionSequence++;
        target.LastEvaluation = now;
        target.History = decision.HistoryIfNotApplied;
        decided = reporter.Keep(decided, decided.To == from ? "trimmed" : "not-actuated");
        await WriteOrUndoAsync(checkpoint, now);
        if (decided.To != from)
        {
            await reporter.PublishAsync(decided);
        }

        await reporter.FlushAsync();
        return decided;
    }

    private async Task<ScaleApproval> RequestCapacityAsync(TargetDefinition definition, int from, int desired)
    {
        using var span = DecisionTracing.Source.StartActivity(DecisionTracing.SupervisorRequest);
        span?.SetTag("autoscaler.scope", definition.Scope).SetTag("autoscaler.requested", desired);
        var approval = await supervisor.RequestCapacityAsync(
            definition.Scope, new TargetCapacityRequest(target.Id, from, desired, definition.Priority, target.InstanceHourPrice));
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
        await _outcomes.CompleteAsync(
            pending,
            applied ? observed : ScaleTargetResult.Failure(observed.ErrorKind ?? ScaleTargetErrorKind.Transient, "not applied before the silo was lost"),
            decision: null,
            clock.GetUtcNow());
    }

    private async Task GuardedAsync(string trigger, bool scaleOutOnly)
    {
        try
        {
            await EvaluateAsync(trigger, scaleOutOnly);
            if (_evaluationFailures.Recover(out var failure, out var repeats, out var since))
            {
                LogEvaluationRecovered(logger, target.Id, repeats + 1, since, failure);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            if (_evaluationFailures.Record(error.Message, clock.GetUtcNow(), out _))
            {
                LogEvaluationFailed(logger, target.Id, trigger, error.Message);
            }
        }
    }

    // Write-ahead: the decision and its history row are durable in state before the actuator sees it. The actuator call is
    // started first; the row is stored and the event published while it works. Started the other way round, the event
    // publish and the history append ran up to their first wait before the call left (on a fresh silo 20–40 ms, their
    // first use), so they sat on the reaction path.
    private async Task<DecisionRecord> ActuateAsync(DecisionRecord decided, ScalingDecision? decision, DateTimeOffset now)
    {
        var checkpoint = target.Checkpoint();
        target.DecisionSequence++;
        target.LastEvaluation = now;
        decided = reporter.Keep(decided, "pending");
        target.Pending = decided;
        await WriteOrUndoAsync(checkpoint, now);
        var applying = actuator.ApplyAsync(target.Registered, decided.Id, decided.To);
        var reported = reporter.PublishAndStoreAsync(decided);
        var result = await applying;
        await reported;
        return await _outcomes.CompleteAsync(decided, result, decision, clock.GetUtcNow());
    }

    // A decision whose state write failed never happened: the target is put back as it was, so its number, its history
    // row and its place among the recent decisions go to the next decision, and nothing reaches the actuator.
    private async Task WriteOrUndoAsync(TargetCheckpoint checkpoint, DateTimeOffset now)
    {
        try
        {
            await upkeep.WriteAsync(now);
        }
        catch
        {
            target.Restore(checkpoint);
            throw;
        }
    }

    private string? HoldReason(string trigger, DateTimeOffset now)
    {
        if (!reporter.HasRoomFor(3))
        {
            return $"not decided: {target.HistoryOutbox.Count} history rows wait to be stored (history store unavailable); "
                + "no new decision until they are";
        }

        // An operator's manual scale or evaluate-now tries the actuator at once; the timer and the fast path wait.
        return target.NextAttemptAt is { } next && now < next && trigger is "timer" or "fast-path"
            ? $"not decided: the actuator failed {target.ConsecutiveFailures} time(s) in a row; next attempt after {next.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"
            : null;
    }

    private async Task AfterQuietAsync(DateTimeOffset now)
    {
        if (await upkeep.AfterQuietEvaluationAsync(now) is { } drift)
        {
            await RespondToDriftAsync(drift, now);
        }
    }

    private async Task RespondToDriftAsync(DriftFinding drift, DateTimeOffset now)
    {
        var definition = target.Registered;
        var action = DriftActions.Parse(definition.DriftAction) ?? DriftActions.Adopt;
        if (drift.NewlyFlagged)
        {
            var checkpoint = target.Checkpoint();
            var flagged = DecisionOutcomes.Drifted(target.Id, now, target.Current, drift.Observed, drift.Since, definition.DriftLimit, action);
            target.DriftFlagged = true;
            flagged = reporter.Keep(flagged, action == DriftActions.Adopt ? "adopted" : action == DriftActions.Reassert ? "reasserting" : "flagged");
            if (action == DriftActions.Adopt)
            {
                target.Current = drift.Observed;
                target.DriftSince = null;
                target.DriftFlagged = false;
            }

            await WriteOrUndoAsync(checkpoint, now);
            LogDrift(logger, target.Id, flagged.From, drift.Observed, action);
            await reporter.PublishAndStoreAsync(flagged);
            if (action == DriftActions.Adopt)
            {
                await upkeep.ReportToSupervisorAsync(now);
            }
        }

        if (action == DriftActions.Reassert && reporter.HasRoomFor(3) && (target.NextAttemptAt is not { } next || now >= next))
        {
            await ActuateAsync(DecisionOutcomes.Reassert(target.Id, target.DecisionSequence + 1, now, drift.Observed, target.Current), null, now);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Target {Target}: {Trigger} evaluation failed, nothing was decided (repeats are summarized): {Error}")]
    private static partial void LogEvaluationFailed(ILogger logger, string target, string trigger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target}: evaluations succeed again after {Failures} failure(s) since {Since:O} ({Error})")]
    private static partial void LogEvaluationRecovered(ILogger logger, string target, int failures, DateTimeOffset since, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} drifted past its limit: {Current} in effect, the actuator reports {Observed}; action {Action}")]
    private static partial void LogDrift(ILogger logger, string target, int current, int observed, string action);
}
