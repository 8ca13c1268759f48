using System.Globalization;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Scaling.Supervision.Budget;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>
/// Carries out a scope's budget actions (<see cref="BudgetActions"/> plans them): at each check the month-end spend
/// forecast of the scope is held against its thresholds; what newly fires is first written to the supervisor's state as
/// steps (with the thresholds fired and the max capacities to restore), then done: <c>notify</c> goes to the alarm
/// notification channels (a log line when none is configured) and, per target, to the history and the event stream;
/// <c>reduceMaxCapacity</c> lowers each target's max through its service grain, audited; a new period restores them.
/// A step that fails stays and is retried at the next check; a check runs one at a time.
/// </summary>
internal sealed partial class BudgetActionRunner(
    Func<string> scopeName,
    Func<SupervisorState> state,
    Func<Task> commit,
    ITargetLimits limits,
    IScalingHistoryStore history,
    IScalingEventSink events,
    IDecisionFanout fanout,
    IAlarmNotifier? notifier,
    ILogger logger)
{
    /// <summary>How often the reports trigger a check.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastCheck = DateTimeOffset.MinValue;

    private string Scope => scopeName();

    /// <summary>Starts a check without waiting for it when the last began <see cref="CheckInterval"/> ago (or
    /// <paramref name="force"/>): budget actions call service grains, which may be waiting on the supervisor's answer to
    /// their report. Failures are logged.</summary>
    public void Poke(DateTimeOffset now, bool force = false)
    {
        if (force || now - _lastCheck >= CheckInterval)
        {
            _lastCheck = now;
            _ = RunQuietlyAsync(now);
        }
    }

    /// <summary>Plans and carries out the budget actions at <paramref name="now"/>; returns how many steps still wait.</summary>
    public async Task<int> RunAsync(DateTimeOffset now)
    {
        await _gate.WaitAsync();
        try
        {
            await PlanAsync(now);
            await ExecuteAsync(now);
            return state().Budget.Pending.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary><see cref="RunAsync"/> for a caller that does not wait: failures are logged.</summary>
    public async Task RunQuietlyAsync(DateTimeOffset now)
    {
        try
        {
            await RunAsync(now);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogCheckFailed(logger, Scope, error.Message);
        }
    }

    private async Task PlanAsync(DateTimeOffset now)
    {
        var current = state();
        var ledger = current.Budget;
        var thresholds = BudgetActionSettings.Thresholds(current.Settings.Limits.BudgetActions);
        if (thresholds.Count == 0 && ledger.OriginalMax.Count == 0)
        {
            return;
        }

        var budget = current.Settings.Limits.MonthlyBudget;
        var forecast = current.Targets.Values.Sum(t => t.ForecastMonthSpend);
        var plan = BudgetActions.Plan(now, budget, forecast, thresholds, ledger.PeriodStart, ledger.Fired, []);
        var newPeriod = ledger.PeriodStart is { } last && last != plan.PeriodStart;
        if (plan.Reached.Any(t => t.Action == BudgetActionKind.ReduceMaxCapacity) || (newPeriod && ledger.OriginalMax.Count > 0))
        {
            if (await ReadLimitsAsync(current, ledger) is not { } targets)
            {
                return; // a target did not answer: nothing is remembered, the next check plans again
            }

            plan = BudgetActions.Plan(now, budget, forecast, thresholds, ledger.PeriodStart, ledger.Fired, targets);
        }

        if (plan.IsEmpty && ledger.PeriodStart == plan.PeriodStart)
        {
            return;
        }

        ledger.PeriodStart = plan.PeriodStart;
        ledger.Fired = new HashSet<string>(plan.Fired, StringComparer.Ordinal);
        var share = plan.PercentOfBudget ?? 0;
        foreach (var threshold in plan.Reached)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"budget {threshold.Percent:0.##} % of {budget:0.00} reached in scope {Scope}: month-end spend forecast {forecast:0.00} ({share:0.#} %)")
                + (threshold.Action == BudgetActionKind.ReduceMaxCapacity ? $"; max capacity lowered by {threshold.Step} until the next period" : string.Empty);
            Add(ledger, null, BudgetStepKind.Notify, 0, 0, reason, threshold.Percent);
            if (threshold.Action == BudgetActionKind.Notify)
            {
                foreach (var target in current.Targets.Keys.Order(StringComparer.Ordinal))
                {
                    Add(ledger, target, BudgetStepKind.Announce, 0, 0, reason, threshold.Percent);
                }
            }
        }

        foreach (var change in plan.Changes)
        {
            if (change.OriginalMax is { } original)
            {
                ledger.OriginalMax[change.Target] = original;
            }
            else
            {
                ledger.OriginalMax.Remove(change.Target);
            }

            Add(ledger, change.Target, change.OriginalMax is null ? BudgetStepKind.Restore : BudgetStepKind.Lower, change.From, change.To, change.Reason, share);
        }

        await commit(); // decided before done: after a failover the steps are carried out, never decided twice
    }

    private async Task<List<BudgetTargetLimit>?> ReadLimitsAsync(SupervisorState current, BudgetLedger ledger)
    {
        var result = new List<BudgetTargetLimit>();
        foreach (var target in current.Targets.Keys.Union(ledger.OriginalMax.Keys).Order(StringComparer.Ordinal).ToList())
        {
            BudgetTargetLimit? limit;
            try
            {
                limit = await limits.ReadAsync(target);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogReadFailed(logger, Scope, target, error.Message);
                return null;
            }

            if (limit is null)
            {
                ledger.OriginalMax.Remove(target); // no longer registered: nothing to lower or restore
                continue;
            }

            result.Add(limit with { OriginalMax = ledger.OriginalMax.TryGetValue(target, out var original) ? original : null });
        }

        return result;
    }

    private async Task ExecuteAsync(DateTimeOffset now)
    {
        var ledger = state().Budget;
        var done = 0;
        foreach (var step in ledger.Pending.ToList())
        {
            bool finished;
            try
            {
                finished = await ExecuteAsync(step, now);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogStepFailed(logger, Scope, step.Id, error.Message);
                finished = false;
            }

            if (finished)
            {
                ledger.Pending.Remove(step);
                done++;
            }
        }

        if (done > 0)
        {
            await commit();
        }
    }

    private async Task<bool> ExecuteAsync(BudgetStep step, DateTimeOffset now)
    {
        if (step.Kind == BudgetStepKind.Notify)
        {
            await NotifyAsync(step, now);
            return true;
        }

        if (step.Kind is BudgetStepKind.Lower or BudgetStepKind.Restore && !await limits.SetMaxAsync(step.Target!, step.To))
        {
            LogGone(logger, Scope, step.Target!, step.Id);
            state().Budget.OriginalMax.Remove(step.Target!);
            return true;
        }

        var capacity = state().Targets.GetValueOrDefault(step.Target!)?.Capacity ?? 0;
        var record = new DecisionRecord(step.Id, step.Target!, now, DecisionKind.Budget, capacity, capacity, $"supervisor:{Scope}", false, null,
            [step.Reason], "budget", 0, "succeeded");
        await history.AppendAsync(record); // throws when the store is down: the step stays and is done again (same id)
        try
        {
            await events.PublishAsync(record, CancellationToken.None);
            fanout.PublishToHub(record);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogPublishFailed(logger, Scope, step.Id, error.Message);
        }

        return true;
    }

    private async Task NotifyAsync(BudgetStep step, DateTimeOffset now)
    {
        var record = new AlarmRecord(step.Id, $"budget-{Scope}", null, now, AlarmRecordKind.State, step.Percent >= 100 ? "critical" : "warning", "OK", "ALARM",
            step.Reason);
        IReadOnlyList<NotificationOutcome> outcomes = notifier is null
            ? []
            : await notifier.NotifyAsync(new NotificationRequest(record, $"Monthly budget of scope {Scope}", null, null, "signed", null), CancellationToken.None);
        if (outcomes.Count == 0)
        {
            LogAnnounced(logger, Scope, step.Reason);
        }

        foreach (var failed in outcomes.Where(o => !o.Succeeded))
        {
            LogNotifyFailed(logger, Scope, failed.Destination, failed.Message ?? "failed");
        }
    }

    private static void Add(BudgetLedger ledger, string? target, BudgetStepKind kind, int from, int to, string reason, double percent)
    {
        ledger.Sequence++;
        var id = string.Create(CultureInfo.InvariantCulture, $"{target ?? "scope"}-budget-{ledger.PeriodStart:yyyyMM}-{ledger.Sequence}");
        ledger.Pending.Add(new BudgetStep(id, target, kind, from, to, reason, percent));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor {Scope}: {Reason} (no notification channel is configured)")]
    private static partial void LogAnnounced(ILogger logger, string scope, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor {Scope}: budget notification to {Destination} failed: {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, string scope, string destination, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor {Scope}: budget check failed: {Error}")]
    private static partial void LogCheckFailed(ILogger logger, string scope, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor {Scope}: target {Target} did not answer its limits, budget actions wait for the next check: {Error}")]
    private static partial void LogReadFailed(ILogger logger, string scope, string target, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor {Scope}: budget step {Step} failed, retried at the next check: {Error}")]
    private static partial void LogStepFailed(ILogger logger, string scope, string step, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor {Scope}: target {Target} is no longer registered, budget step {Step} dropped")]
    private static partial void LogGone(ILogger logger, string scope, string target, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor {Scope}: budget event {Step} not published: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string scope, string step, string error);
}
