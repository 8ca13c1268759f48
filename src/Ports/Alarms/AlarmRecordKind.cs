namespace Autoscaler.Ports.Alarms;

/// <summary>What an alarm history entry records (CloudWatch's history item types, less configuration).</summary>
public enum AlarmRecordKind
{
    /// <summary>A state change, with its reason. Published as an alarm event.</summary>
    State,

    /// <summary>An action considered on a transition or an escalation, with its outcome.</summary>
    Action,
}
