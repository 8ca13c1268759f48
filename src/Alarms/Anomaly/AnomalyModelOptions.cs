namespace Autoscaler.Alarms.Anomaly;

/// <summary>How the anomaly model trains.</summary>
/// <param name="MinimumHistory">History with data the model needs before it judges anything (default one day).</param>
/// <param name="WeeklyHistory">History from which a weekday effect is fitted as well (default 14 days: two of each weekday).</param>
/// <param name="MinimumSpreadFraction">Floor of the spread, as a fraction of the typical magnitude, so that a flat
/// series still has a band (default 0.5 %).</param>
public sealed record AnomalyModelOptions(TimeSpan MinimumHistory, TimeSpan WeeklyHistory, double MinimumSpreadFraction = 0.005)
{
    /// <summary>The time-of-day profile's resolution when it is coarser than the data's step (null: the step). Short
    /// periods (5 min) keep an hourly profile, so each slot has enough datapoints for a robust median, while the spread
    /// is still measured on the datapoints themselves.</summary>
    public TimeSpan? ProfileStep { get; init; }

    /// <summary>One day to judge, two weeks for weekdays.</summary>
    public static AnomalyModelOptions Default { get; } = new(TimeSpan.FromDays(1), TimeSpan.FromDays(14));
}
