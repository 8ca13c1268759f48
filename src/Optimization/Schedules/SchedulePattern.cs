namespace Autoscaler.Optimization.Schedules;

/// <summary>Which calendar cycle a target's demand follows.</summary>
public enum SchedulePattern
{
    /// <summary>No cycle stands out from the noise.</summary>
    None,

    /// <summary>The same shape every day (24 hour-of-day groups).</summary>
    Daily,

    /// <summary>A shape that repeats every week, e.g. busy weekdays and quiet weekends (168 hour-of-week groups).</summary>
    Weekly,
}
