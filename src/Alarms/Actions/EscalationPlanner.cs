using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Actions;

/// <summary>Progressive alerting: which severity an alarm still in ALARM has escalated to by now.</summary>
public static class EscalationPlanner
{
    /// <summary>
    /// The escalation level due at <paramref name="now"/> for an alarm in ALARM since <paramref name="since"/>: one level
    /// per <see cref="EscalationPolicy.AfterMinutes"/>, never past critical. Level 0 is the alarm's own severity.
    /// </summary>
    public static int DueLevel(EscalationPolicy policy, AlarmSeverity severity, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var steps = (int)Math.Floor((now - since).TotalMinutes / policy.AfterMinutes);
        var room = AlarmSeverity.Critical - severity;
        return Math.Clamp(steps, 0, room);
    }

    /// <summary>The severity at <paramref name="level"/>.</summary>
    public static AlarmSeverity SeverityAt(AlarmSeverity severity, int level) => (AlarmSeverity)Math.Min((int)severity + level, (int)AlarmSeverity.Critical);
}
