using Cronos;

namespace Autoscaler.Scaling.Scheduling;

/// <summary>Occurrences of a five-field cron in a time zone, optionally restricted to the years of an AWS year field.</summary>
internal sealed class CronOccurrences(CronExpression cron, TimeZoneInfo zone, YearField? years) : IOccurrenceSource
{
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var candidate = cron.GetNextOccurrence(after, zone, inclusive: false);
        while (candidate is { } found && years is not null && !years.Allows(LocalYear(found)))
        {
            if (years.NextAfter(LocalYear(found)) is not { } year)
            {
                return null;
            }

            candidate = cron.GetNextOccurrence(LocalYearStart(year), zone, inclusive: true);
        }

        return candidate;
    }

    public DateTimeOffset? Previous(DateTimeOffset atOrBefore)
    {
        var candidate = cron.GetPreviousOccurrence(atOrBefore, zone, inclusive: true);
        while (candidate is { } found && years is not null && !years.Allows(LocalYear(found)))
        {
            if (years.PreviousBefore(LocalYear(found)) is not { } year)
            {
                return null;
            }

            candidate = cron.GetPreviousOccurrence(LocalYearStart(year + 1), zone, inclusive: false);
        }

        return candidate;
    }

    private int LocalYear(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).Year;

    private DateTimeOffset LocalYearStart(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
