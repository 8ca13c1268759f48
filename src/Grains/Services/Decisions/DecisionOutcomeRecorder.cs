using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Model;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>
/// Records what became of an actuated decision: applied (capacity moves, the backoff ends) or failed (the last good
/// capacity stays, <c>failed</c> and <c>rolled-back</c> are recorded, and the target backs off before trying again,
/// <see cref="ActuationBackoff"/>). The actuation has happened by then, so a failing state write here is logged and
/// left to the next write (the write-ahead record in storage still settles it after a crash), never thrown. A run of
/// identical failures is logged once at its start and summarized at its end.
/// </summary>
internal sealed partial class DecisionOutcomeRecorder(LiveTarget target, DecisionReporter reporter, TargetUpkeep upkeep, ILogger logger)
{
    private readonly RepeatedFailures _failures = new();

    /// <summary>Records the outcome of <paramref name="decided"/> (<paramref name="decision"/>: the engine's, null after a failover).</summary>
    public async Task<DecisionRecord> CompleteAsync(DecisionRecord decided, ScaleTargetResult result, ScalingDecision? decision, DateTimeOffset now)
    {
        var definition = target.Registered;
        target.Pending = null;
        DecisionRecord outcome;
        DecisionRecord? rolledBack = null;
        if (result.Succeeded)
        {
            decided = result.HostLimit is { } limit ? DecisionOutcomes.Limited(decided, limit) : decided;
            Applied(decided, result, decision);
            outcome = reporter.Keep(DecisionOutcomes.Actuated(decided, now), "succeeded");
            LogScaled(logger, target.Id, decided.From, decided.To, decided.Actor, decided.Trigger);
            if (_failures.Recover(out var failure, out var repeats, out var since) && repeats > 0)
            {
                LogRecovered(logger, target.Id, repeats + 1, since, failure);
            }
        }
        else
        {
            target.ConsecutiveFailures++;
            target.NextAttemptAt = ActuationBackoff.NextAttempt(now, target.ConsecutiveFailures);
            if (decision is not null)
            {
                target.History = decision.HistoryIfNotApplied;
            }

            var failure = DecisionOutcomes.Failure(definition.Actuator.Kind, result);
            outcome = reporter.Keep(DecisionOutcomes.Failed(decided, now, failure, target.ConsecutiveFailures, target.NextAttemptAt), "failed");
            rolledBack = reporter.Keep(DecisionOutcomes.RolledBack(decided, now, failure), "rolled-back");
            LogFailure(decided, failure, now);
        }

        await WriteAsync(now);
        await reporter.PublishAsync(outcome);
        if (rolledBack is not null)
        {
            await reporter.PublishAsync(rolledBack);
        }

        await reporter.FlushAsync();
        await upkeep.ReportToSupervisorAsync(now);
        await upkeep.SaveWindowsIfDueAsync(now);
        return outcome;
    }

    private async Task WriteAsync(DateTimeOffset now)
    {
        try
        {
            await upkeep.WriteAsync(now);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            upkeep.WriteFailed();
            LogOutcomeNotSaved(logger, target.Id, error.Message);
        }
    }

    private void LogFailure(DecisionRecord decided, string failure, DateTimeOffset now)
    {
        // The failure text without the attempt count, so that identical failures group into one run.
        if (_failures.Record(failure, now, out var ended))
        {
            LogActuationFailed(logger, target.Id, decided.Id, failure, target.NextAttemptAt!.Value);
        }
        else if (_failures.Repeats % 10 == 0)
        {
            LogStillFailing(logger, target.Id, _failures.Repeats + 1, failure, target.NextAttemptAt!.Value);
        }

        if (ended > 0)
        {
            LogRecovered(logger, target.Id, ended + 1, now, "a different failure followed");
        }
    }

    private void Applied(DecisionRecord decided, ScaleTargetResult result, ScalingDecision? decision)
    {
        var before = target.History;
        target.Current = decided.To;
        target.Observed = result.Capacity?.Desired;
        target.LastScaling = decided.At;
        target.ConsecutiveFailures = 0;
        target.NextAttemptAt = null;
        if (target.Observed is null || target.Observed == target.Current)
        {
            target.DriftSince = null;
            target.DriftFlagged = false;
        }

        if (decision is not null && target.PolicySet is { } policySet)
        {
            target.History = HistoryKeeper.Next(before, policySet, decided.At, decision.Recommendation, decided.To - decided.From,
                decision.DrivenBy, decision.EvaluationsWithoutData, decision.LastActiveAt);
            return;
        }

        // Resolved after a failover (or a drift reasserted): the engine's decision is gone, but its scale event still
        // counts for cooldowns and rate limits.
        var policy = decided.Actor.StartsWith("policy:", StringComparison.Ordinal) ? decided.Actor["policy:".Length..] : null;
        target.History = before with { ScaleEvents = [.. before.ScaleEvents, new ScaleEvent(decided.At, decided.To - decided.From, policy)] };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target} scaled {From} -> {To} ({Actor}, {Trigger})")]
    private static partial void LogScaled(ILogger logger, string target, int from, int to, string actor, string trigger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Target {Target}: decision {Decision} failed and was rolled back: {Failure}; backing off until {NextAttempt:O}")]
    private static partial void LogActuationFailed(ILogger logger, string target, string decision, string failure, DateTimeOffset nextAttempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Target {Target}: actuation failed {Failures} times in a row with the same error: {Failure}; backing off until {NextAttempt:O}")]
    private static partial void LogStillFailing(ILogger logger, string target, int failures, string failure, DateTimeOffset nextAttempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target}: a run of {Failures} identical actuation failures since {Since:O} ended ({Failure})")]
    private static partial void LogRecovered(ILogger logger, string target, int failures, DateTimeOffset since, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: the outcome was applied but its state write failed (retried with the next write): {Error}")]
    private static partial void LogOutcomeNotSaved(ILogger logger, string target, string error);
}
