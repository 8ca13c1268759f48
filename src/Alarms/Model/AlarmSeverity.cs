namespace Autoscaler.Alarms.Model;

/// <summary>How urgent an alarm is; routes notifications and orders escalation (info → warning → critical).</summary>
public enum AlarmSeverity
{
    /// <summary>For the record: a dashboard, a low-traffic channel.</summary>
    Info,

    /// <summary>Someone should look today (default).</summary>
    Warning,

    /// <summary>Someone should look now.</summary>
    Critical,
}
