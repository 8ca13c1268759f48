namespace Autoscaler.Scaling.Scheduling;

/// <summary>The single instant of an `at(...)` expression.</summary>
internal sealed class AtOccurrence(DateTimeOffset instant) : IOccurrenceSource
{
    public DateTimeOffset? Next(DateTimeOffset after) => instant > after ? instant : null;

    public DateTimeOffset? Previous(DateTimeOffset atOrBefore) => instant <= atOrBefore ? instant : null;
}
