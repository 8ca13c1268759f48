namespace Autoscaler.Scaling.Scheduling;

/// <summary>The three AWS Application Auto Scaling schedule forms.</summary>
public enum ScheduleKind
{
    /// <summary>`at(yyyy-mm-ddThh:mm:ss)`: once, at a local time of the schedule's time zone.</summary>
    At,

    /// <summary>`rate(N unit)`: every N minutes/hours/days from the start time (or the Unix epoch when none is given).</summary>
    Rate,

    /// <summary>`cron(...)` (AWS six fields with year) or a standard five-field cron, in the schedule's time zone.</summary>
    Cron,
}
