namespace Autoscaler.Scaling.Cost;

/// <summary>Calendar arithmetic (UTC) for the cost buckets.</summary>
public static class CostPeriod
{
    /// <summary>Start of the UTC hour holding <paramref name="at"/>.</summary>
    public static DateTimeOffset HourStart(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    /// <summary>Start of the UTC day holding <paramref name="at"/>.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Start of the UTC month holding <paramref name="at"/>.</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Start of the month after the one holding <paramref name="at"/>.</summary>
    public static DateTimeOffset NextMonthStart(DateTimeOffset at) => MonthStart(at).AddMonths(1);

    /// <summary>The earliest hour, day or month boundary strictly after <paramref name="at"/>.</summary>
    public static DateTimeOffset NextBoundary(DateTimeOffset at) => HourStart(at).AddHours(1);
}
