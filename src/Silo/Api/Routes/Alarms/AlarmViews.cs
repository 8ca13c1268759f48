using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Routes.Models;

namespace Autoscaler.Silo.Api.Routes.Alarms;

/// <summary>Maps <see cref="AlarmStatus"/> to <see cref="AlarmView"/>.</summary>
internal static class AlarmViews
{
    public static AlarmView Of(AlarmStatus status)
    {
        using var definition = JsonDocument.Parse(status.Definition);
        return new AlarmView(status.Name, status.Kind, status.Target, status.Metric, status.Severity, status.State, status.Reason,
            status.StateChangedAt, status.LastEvaluatedAt, status.Threshold, status.Comparison, status.Band, status.PeriodSeconds, status.Muted,
            status.Mutes, status.ActionsEnabled, status.EscalationLevel, definition.RootElement.Clone());
    }
}
