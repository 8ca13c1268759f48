using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Decisions;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// Runs an alarm's actions for a transition or an escalation: the engine's <see cref="ActionPlanner"/> judges each one
/// (disabled, suppressed, muted, cooldown, duplicate, dry-run), the ones to run go to the notifier, the target's decision
/// protocol or its remediation grain, and every action is recorded in the alarm's history with its outcome.
/// </summary>
internal sealed partial class AlarmActionRunner(
    LiveAlarm alarm, AlarmReporter reporter, IAlarmNotifier notifier, IGrainFactory grains, AlarmOptions options, AlarmMetrics metrics, ILogger logger)
{
    /// <summary>Runs the actions of the transition to <paramref name="to"/> (<paramref name="suppressed"/>: a suppressor's note).</summary>
    public async Task RunAsync(AlarmRecord transition, AlarmState to, DateTimeOffset now, string? suppressed)
    {
        var definition = alarm.Defined;
        if (definition.ActionsFor(to).Count == 0)
        {
            return;
        }

        var context = new ActionContext(alarm.OpenMute(now), suppressed, await GlobalDryRunAsync(), options.DedupWindow);
        foreach (var planned in ActionPlanner.Plan(definition, to, definition.Severity, now, context, alarm.Memory))
        {
            await RunOneAsync(planned, transition, to, definition.Severity, now);
        }
    }

    /// <summary>While in ALARM: notifies the next severity's destinations once the escalation policy says so.</summary>
    public async Task EscalateAsync(DateTimeOffset now)
    {
        var definition = alarm.Defined;
        if (definition.Escalation is not { } policy || alarm.State != AlarmState.Alarm)
        {
            return;
        }

        var level = EscalationPlanner.DueLevel(policy, definition.Severity, alarm.StateChangedAt, now);
        if (level <= alarm.EscalationLevel)
        {
            return;
        }

        alarm.EscalationLevel = level;
        var severity = EscalationPlanner.SeverityAt(definition.Severity, level);
        var minutes = (now - alarm.StateChangedAt).TotalMinutes;
        var escalation = new AlarmRecord(alarm.NextId(), alarm.Name, definition.Target, now, AlarmRecordKind.State, EnumNames.Name(severity),
            "ALARM", "ALARM", $"Escalated to {EnumNames.Name(severity)}: still in ALARM after {minutes:0} minutes. {alarm.Reason}");
        var context = new ActionContext(alarm.OpenMute(now), null, await GlobalDryRunAsync(), options.DedupWindow);
        foreach (var planned in ActionPlanner.Plan(definition, AlarmState.Alarm, severity, now, context, alarm.Memory).Where(p => p.Action is NotifyAction))
        {
            // An escalation is a new message: the transition's cooldown does not hold it back, de-duplication does.
            var due = planned.Verdict == ActionVerdict.Cooldown ? planned with { Verdict = ActionVerdict.Run } : planned;
            await RunOneAsync(due, escalation, AlarmState.Alarm, severity, now);
        }
    }

    private async Task RunOneAsync(PlannedAction planned, AlarmRecord transition, AlarmState to, AlarmSeverity severity, DateTimeOffset now)
    {
        string outcome;
        if (planned.Verdict == ActionVerdict.Run)
        {
            outcome = await ExecuteAsync(planned.Action, transition);
            ActionPlanner.Ran(alarm.Memory, planned, to, severity, now);
        }
        else
        {
            outcome = $"{Name(planned.Verdict)}: {planned.Note}";
        }

        await reporter.ActionAsync(alarm, transition, EnumNames.Name(severity), planned.Action.Describe(), outcome, now);
        metrics.Acted(planned.Action.Kind, outcome);
        LogAction(logger, alarm.Name, planned.Action.Describe(), outcome);
    }

    private async Task<string> ExecuteAsync(AlarmAction action, AlarmRecord transition)
    {
        try
        {
            switch (action)
            {
                case NotifyAction notify:
                    var outcomes = await notifier.NotifyAsync(
                        new NotificationRequest(transition, alarm.Defined.Description, notify.Channel, notify.Url, EnumNames.Name(notify.Format), notify.Subject),
                        CancellationToken.None);
                    return outcomes.Count == 0 ? $"failed: no channel takes severity {transition.Severity}"
                        : outcomes.All(o => o.Succeeded) ? $"succeeded: {string.Join(", ", outcomes.Select(o => o.Destination))}"
                        : $"failed: {string.Join("; ", outcomes.Where(o => !o.Succeeded).Select(o => $"{o.Destination}: {o.Message}"))}";
                case ScaleAction scale:
                    var request = new AlarmScaleRequest(alarm.Name, scale.Policy, scale.Steps is { } steps ? StepPolicyJson.Write(steps) : null,
                        scale.Adjustment, scale.Max, alarm.LastBreach, transition.Reason);
                    var decision = await grains.GetGrain<IServiceGrain>(scale.Target).ScaleForAlarmAsync(request);
                    return decision.Kind switch
                    {
                        DecisionKind.Actuated => $"succeeded: {decision.Target} {decision.From} -> {decision.To} ({decision.Id})",
                        DecisionKind.NoChange => $"succeeded: no change, {decision.Target} stays at {decision.From}",
                        DecisionKind.Failed or DecisionKind.RolledBack => $"failed: {decision.Explanation.LastOrDefault()} ({decision.Id})",
                        _ => $"not applied: {decision.Explanation.LastOrDefault()} ({decision.Id})",
                    };
                case RestartAction restart:
                    return await grains.GetGrain<IRemediationGrain>(restart.Target).RestartAsync(alarm.Name, transition.Id, dryRun: false);
                default:
                    return $"failed: unknown action kind {action.Kind}";
            }
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or TimeoutException or OrleansException)
        {
            return $"failed: {error.Message}";
        }
    }

    private async Task<bool> GlobalDryRunAsync()
    {
        var scope = "default";
        if (alarm.Defined.Target is { } target && (await grains.GetGrain<IServiceGrain>(target).GetStatusAsync()).Definition is { } definition)
        {
            scope = definition.Scope;
        }

        return (await grains.GetGrain<ISupervisorGrain>(scope).GetStatusAsync()).Settings.DryRun;
    }

    private static string Name(ActionVerdict verdict) => verdict switch
    {
        ActionVerdict.DryRun => "dry-run",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm {Alarm}: {Action}: {Outcome}")]
    private static partial void LogAction(ILogger logger, string alarm, string action, string outcome);
}
