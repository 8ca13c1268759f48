using Autoscaler.Alarms.Model;
using Autoscaler.Alarms.Suppression;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Alarms;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// One alarm's cycle: evaluate, and on a change record it, publish it, tell the composites watching it and run the
/// transition's actions (through the actions suppressor for a composite that has one); while in ALARM, escalate.
/// </summary>
internal sealed class AlarmCycle(
    LiveAlarm alarm, AlarmEvaluation evaluation, AlarmReporter reporter, AlarmActionRunner actions, IGrainFactory grains, AlarmMetrics metrics)
{
    /// <summary>Evaluates (a metric alarm: the range ending at <paramref name="boundary"/>). True when state must be written.</summary>
    public async Task<bool> EvaluateAsync(DateTimeOffset now, DateTimeOffset boundary)
    {
        var definition = alarm.Defined;
        var change = definition.IsComposite ? await evaluation.CompositeAsync() : await evaluation.MetricAsync(boundary);
        alarm.LastEvaluatedAt = now;
        metrics.Evaluated();
        var dirty = false;
        if (change is { } changed)
        {
            await ChangeAsync(changed.To, changed.Reason, now);
            dirty = true;
        }
        else if (definition.Suppressor is not null && alarm.Suppression.Phase != SuppressionPhase.Idle)
        {
            dirty = await SuppressAsync(now, entered: false, transition: null);
        }

        if (alarm.State == AlarmState.Alarm && definition.Escalation is not null)
        {
            var level = alarm.EscalationLevel;
            await actions.EscalateAsync(now);
            dirty |= alarm.EscalationLevel != level;
        }

        return dirty;
    }

    /// <summary>A long period's hourly tick between its evaluations: records the hour that just ended.</summary>
    public Task CollectAsync(DateTimeOffset boundary) => evaluation.CollectAsync(boundary);

    /// <summary>Moves the alarm to <paramref name="to"/>: history, event, watchers, actions.</summary>
    public async Task ChangeAsync(AlarmState to, string reason, DateTimeOffset now)
    {
        var from = alarm.State;
        alarm.State = to;
        alarm.Reason = reason;
        alarm.StateChangedAt = now;
        if (to != AlarmState.Alarm)
        {
            alarm.EscalationLevel = 0;
        }

        var record = await reporter.StateAsync(alarm, from, to, reason, now);
        metrics.Changed(record.To);
        foreach (var watcher in await grains.GetGrain<IAlarmDirectoryGrain>(IAlarmDirectoryGrain.Key).WatchersOfAsync(alarm.Name))
        {
            await grains.GetGrain<IAlarmGrain>(watcher).WatchedChangedAsync();
        }

        if (alarm.Defined.Suppressor is null)
        {
            await actions.RunAsync(record, to, now, suppressed: null);
        }
        else
        {
            await SuppressAsync(now, entered: to == AlarmState.Alarm, record);
        }
    }

    // A composite with an actions suppressor: ALARM actions run when the tracker says so; an episode that ends while they
    // are held records them, and its end, as suppressed.
    private async Task<bool> SuppressAsync(DateTimeOffset now, bool entered, AlarmRecord? transition)
    {
        var suppressor = alarm.Defined.Suppressor!;
        var read = await grains.GetGrain<IAlarmGrain>(suppressor.Alarm).GetStateAsync();
        var suppressorState = AlarmStates.TryParse(read, out var state) ? state : AlarmState.InsufficientData;
        var before = alarm.Suppression;
        var step = SuppressionTracker.Step(suppressor, before, now, alarm.State, entered, suppressorState);
        alarm.Suppression = step.Status;
        transition ??= new AlarmRecord($"{alarm.Name}-{alarm.Sequence}", alarm.Name, alarm.Defined.Target, now, AlarmRecordKind.State,
            Json(alarm.Defined.Severity), "ALARM", "ALARM", alarm.Reason);
        if (alarm.State == AlarmState.Alarm)
        {
            if (step.RunAlarmActions)
            {
                await actions.RunAsync(transition, AlarmState.Alarm, now, suppressed: null);
            }

            return before != alarm.Suppression;
        }

        if (!entered && (before.Phase != SuppressionPhase.Idle || before.SuppressedEpisode))
        {
            var note = $"held by suppressor {suppressor.Alarm} until the episode ended";
            if (before.Phase != SuppressionPhase.Idle)
            {
                await actions.RunAsync(transition with { To = "ALARM" }, AlarmState.Alarm, now, note);
            }

            await actions.RunAsync(transition, alarm.State, now, note);
        }
        else
        {
            await actions.RunAsync(transition, alarm.State, now, suppressed: null);
        }

        alarm.Suppression = SuppressionStatus.Idle;
        return true;
    }

    private static string Json(AlarmSeverity severity) => Autoscaler.Alarms.Json.EnumNames.Name(severity);
}
