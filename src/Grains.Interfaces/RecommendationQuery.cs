namespace Autoscaler.Grains.Interfaces;

/// <summary>Which cost recommendation records to list: newest first, one page of them.</summary>
/// <param name="Target">Only this target's records; null for the whole fleet.</param>
/// <param name="State">Only records in this state (<see cref="RecommendationStates"/>); null for every state.</param>
/// <param name="Offset">Records to skip from the start of the ordered list.</param>
/// <param name="Limit">Records to return at most (<see cref="DefaultLimit"/> unless asked; <see cref="MaxLimit"/> at most).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationQuery")]
public sealed record RecommendationQuery(string? Target = null, string? State = null, int Offset = 0, int Limit = RecommendationQuery.DefaultLimit)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultLimit = 100;

    /// <summary>
    /// The largest page one call returns. A record with its chart data and explanation runs to several kilobytes, and an
    /// answer past Orleans' message size limit (100 MB) is never delivered: the caller waits until its time-out. A page
    /// of 10,000 records of a 10,000-target fleet did exactly that in the recompute benchmark; 1,000 stay far below it.
    /// </summary>
    public const int MaxLimit = 1_000;

    /// <summary>The records a part of the fleet must return for the merged page to be exact: the first offset + limit.</summary>
    public int Reach => checked(Offset + Limit);
}
