namespace Autoscaler.Scaling.Scheduling;

/// <summary>Instants anchor + k·period for every integer k (a fixed duration: daylight saving time does not bend it).</summary>
internal sealed class RateOccurrences(DateTimeOffset anchor, TimeSpan period) : IOccurrenceSource
{
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var k = FloorDiv(after.UtcTicks - anchor.UtcTicks, period.Ticks) + 1;
        return At(k);
    }

    public DateTimeOffset? Previous(DateTimeOffset atOrBefore)
    {
        var k = FloorDiv(atOrBefore.UtcTicks - anchor.UtcTicks, period.Ticks);
        return At(k);
    }

    private DateTimeOffset? At(long k)
    {
        var ticks = anchor.UtcTicks + (k * period.Ticks);
        return ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            ? null
            : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b) < 0 ? 1 : 0);
}
