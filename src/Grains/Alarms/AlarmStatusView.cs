using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Alarms;

/// <summary>What operators see of an alarm. No I/O.</summary>
internal static class AlarmStatusView
{
    public static AlarmStatus Of(LiveAlarm alarm, DateTimeOffset now)
    {
        var definition = alarm.Defined;
        var metric = definition.Metric;
        var kind = definition.IsComposite ? "composite" : metric!.BandWidth is not null ? "anomaly" : "metric";
        var muted = alarm.OpenMute(now) is not null;
        return new AlarmStatus(
            alarm.Name,
            alarm.Json!,
            kind,
            definition.Target,
            metric?.Metric,
            EnumNames.Name(definition.Severity),
            AlarmStates.Name(alarm.State),
            alarm.Reason,
            alarm.StateChangedAt,
            alarm.LastEvaluatedAt,
            metric is { BandWidth: null } ? metric.Rule.Threshold : null,
            metric?.Rule.Comparison.ToString(),
            alarm.Band,
            metric?.PeriodSeconds ?? 0,
            [.. alarm.Mutes],
            muted,
            definition.ActionsEnabled,
            alarm.EscalationLevel);
    }

    /// <summary>The directory entry: the alarms a composite reads (its rule and suppressor).</summary>
    public static AlarmEntry Entry(LiveAlarm alarm)
    {
        var definition = alarm.Defined;
        var watches = definition.Rule?.Alarms.Select(a => a.Name).ToList() ?? [];
        if (definition.Suppressor is { } suppressor && !watches.Contains(suppressor.Alarm))
        {
            watches.Add(suppressor.Alarm);
        }

        return new AlarmEntry(alarm.Name, definition.Target, watches);
    }
}
