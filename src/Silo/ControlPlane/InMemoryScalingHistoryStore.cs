using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.History;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>
/// The history store of embedded mode: process memory, newest <see cref="MaxEntriesPerTarget"/> entries per target,
/// idempotent by id like the PostgreSQL store. Nothing survives a restart.
/// </summary>
public sealed class InMemoryScalingHistoryStore : IScalingHistoryStore
{
    /// <summary>Entries kept per target; older ones are dropped first.</summary>
    public const int MaxEntriesPerTarget = 10_000;

    private readonly InMemoryHistoryLog<DecisionRecord> _log = new(e => e.Target, e => e.EntryId, e => e.At, MaxEntriesPerTarget);

    public Task<bool> AppendAsync(DecisionRecord entry, CancellationToken cancellationToken = default) =>
        Task.FromResult(_log.Append(entry, DateTimeOffset.MinValue));

    public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default)
    {
        var (page, next) = _log.Query(query.Target, query.From, query.To, query.Limit, query.Cursor);
        return Task.FromResult(new ScalingHistoryPage(page, next));
    }

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        Task.FromResult(_log.Purge(olderThan));
}
