using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Actions;

/// <summary>
/// Decides, for a transition, which actions run and why the others do not: disabled, suppressed, muted, in cooldown,
/// a duplicate notification, or dry-run ("would run"). Pure: time and memory are arguments; <see cref="Ran"/> records a run.
/// </summary>
public static class ActionPlanner
{
    /// <summary>The verdict of every action of the transition to <paramref name="to"/>, in definition order.</summary>
    public static IReadOnlyList<PlannedAction> Plan(
        AlarmDefinition alarm, AlarmState to, AlarmSeverity severity, DateTimeOffset now, ActionContext context, ActionMemory memory)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memory);
        var actions = alarm.ActionsFor(to);
        var planned = new List<PlannedAction>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var key = $"{AlarmStates.Name(to)}/{i}";
            planned.Add(Judge(alarm, action, key, SentKey(action, to, severity), now, context, memory));
        }

        return planned;
    }

    /// <summary>Records that <paramref name="action"/> ran (or was sent) at <paramref name="now"/>.</summary>
    public static void Ran(ActionMemory memory, PlannedAction action, AlarmState to, AlarmSeverity severity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(action);
        memory.LastRun[action.Key] = now;
        if (action.Action is NotifyAction)
        {
            memory.LastSent[SentKey(action.Action, to, severity)] = now;
        }
    }

    private static PlannedAction Judge(
        AlarmDefinition alarm, AlarmAction action, string key, string sentKey, DateTimeOffset now, ActionContext context, ActionMemory memory)
    {
        if (!alarm.ActionsEnabled)
        {
            return new PlannedAction(key, action, ActionVerdict.Disabled, "actions are disabled for this alarm");
        }

        if (context.Suppressed is { } suppressed)
        {
            return new PlannedAction(key, action, ActionVerdict.Suppressed, suppressed);
        }

        if (context.Muted is { } muted)
        {
            return new PlannedAction(key, action, ActionVerdict.Muted, muted);
        }

        if (memory.LastRun.TryGetValue(key, out var last) && now - last < TimeSpan.FromSeconds(action.CooldownSeconds))
        {
            return new PlannedAction(key, action, ActionVerdict.Cooldown,
                $"ran {(now - last).TotalSeconds:0} s ago, within its {action.CooldownSeconds} s cooldown");
        }

        if (action is NotifyAction && memory.LastSent.TryGetValue(sentKey, out var sent) && now - sent < context.DedupWindow)
        {
            return new PlannedAction(key, action, ActionVerdict.Deduplicated,
                $"the same notification went out {(now - sent).TotalSeconds:0} s ago (de-duplication window {context.DedupWindow.TotalSeconds:0} s)");
        }

        if (context.GlobalDryRun || action is RestartAction { DryRun: true })
        {
            return new PlannedAction(key, action, ActionVerdict.DryRun,
                context.GlobalDryRun ? "would run: the control plane is in dry-run" : "would run: the action is a dry run");
        }

        return new PlannedAction(key, action, ActionVerdict.Run, "run");
    }

    private static string SentKey(AlarmAction action, AlarmState to, AlarmSeverity severity) =>
        $"{action.Describe()}|{AlarmStates.Name(to)}|{EnumNames.Name(severity)}";
}
