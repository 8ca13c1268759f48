using Autoscaler.Ports.History;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>
/// An in-memory history store for the grain tests: every entry kept, idempotent by id like the real stores, queries
/// answered in one page (newest first, up to the query's limit; no cursor).
/// </summary>
public sealed class RecordingScalingHistoryStore : IScalingHistoryStore
{
    private readonly Dictionary<string, DecisionRecord> _byId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> AppendAsync(DecisionRecord entry, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_byId.TryAdd(entry.EntryId, entry));
        }
    }

    public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var page = _byId.Values
                .Where(e => e.Target == query.Target && e.At >= query.From && e.At < query.To)
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.EntryId, StringComparer.Ordinal)
                .Take(query.Limit)
                .ToList();
            return Task.FromResult(new ScalingHistoryPage(page, null));
        }
    }

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var old = _byId.Values.Where(e => e.At < olderThan).Select(e => e.EntryId).ToList();
            old.ForEach(id => _byId.Remove(id));
            return Task.FromResult((long)old.Count);
        }
    }
}
