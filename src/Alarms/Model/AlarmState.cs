namespace Autoscaler.Alarms.Model;

/// <summary>The three states of a CloudWatch alarm; <see cref="AlarmStates"/> holds their names.</summary>
public enum AlarmState
{
    /// <summary>Just created, the metric is not available, or too little data to decide.</summary>
    InsufficientData,

    /// <summary>The metric is within the threshold.</summary>
    Ok,

    /// <summary>The metric is outside the threshold.</summary>
    Alarm,
}
