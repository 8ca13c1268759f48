namespace Autoscaler.Scaling.Scheduling;

/// <summary>Occurrences of one parsed expression, before start/end bounds are applied.</summary>
internal interface IOccurrenceSource
{
    /// <summary>Earliest occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset after);

    /// <summary>Latest occurrence at or before <paramref name="atOrBefore"/>.</summary>
    public DateTimeOffset? Previous(DateTimeOffset atOrBefore);
}
