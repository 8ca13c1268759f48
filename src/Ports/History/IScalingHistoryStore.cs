using Autoscaler.Ports.Decisions;

namespace Autoscaler.Ports.History;

/// <summary>
/// Durable record of every scaling decision and scale event, for the history API, audits and the dashboard.
/// </summary>
public interface IScalingHistoryStore
{
    /// <summary>Stores a record. Idempotent by <see cref="DecisionRecord.EntryId"/>: storing an entry again is a no-op.</summary>
    /// <returns>True when this call stored it; false when an entry with that id was already there.</returns>
    public Task<bool> AppendAsync(DecisionRecord record, CancellationToken cancellationToken = default);

    /// <summary>A page of one target's entries in [From, To), newest first, continuing after the query's cursor.</summary>
    public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes entries older than <paramref name="olderThan"/>. A store may remove by whole time buckets (PostgreSQL:
    /// calendar months, UTC), so entries slightly older than the cut-off can remain until their bucket expires.
    /// </summary>
    /// <returns>How many entries were removed.</returns>
    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}
