using System.Globalization;
using Autoscaler.Ports.History;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>
/// The history store of embedded mode: process memory, newest <see cref="MaxEntriesPerTarget"/> entries per target,
/// idempotent by id like the PostgreSQL store. Nothing survives a restart.
/// </summary>
public sealed class InMemoryScalingHistoryStore : IScalingHistoryStore
{
    /// <summary>Entries kept per target; older ones are dropped first.</summary>
    public const int MaxEntriesPerTarget = 10_000;

    private readonly Dictionary<string, List<DecisionRecord>> _byTarget = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> AppendAsync(DecisionRecord entry, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_ids.Add(entry.EntryId))
            {
                return Task.FromResult(false);
            }

            if (!_byTarget.TryGetValue(entry.Target, out var entries))
            {
                _byTarget[entry.Target] = entries = [];
            }

            entries.Add(entry);
            if (entries.Count > MaxEntriesPerTarget)
            {
                _ids.Remove(entries[0].EntryId);
                entries.RemoveAt(0);
            }

            return Task.FromResult(true);
        }
    }

    public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default)
    {
        var skip = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            var matching = (_byTarget.GetValueOrDefault(query.Target) ?? [])
                .Where(e => e.At >= query.From && e.At < query.To)
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.EntryId, StringComparer.Ordinal)
                .Skip(skip)
                .Take(query.Limit + 1)
                .ToList();
            var more = matching.Count > query.Limit;
            var page = more ? matching[..query.Limit] : matching;
            var next = more ? (skip + query.Limit).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new ScalingHistoryPage(page, next));
        }
    }

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        long removed = 0;
        lock (_lock)
        {
            foreach (var entries in _byTarget.Values)
            {
                foreach (var old in entries.Where(e => e.At < olderThan).ToList())
                {
                    entries.Remove(old);
                    _ids.Remove(old.EntryId);
                    removed++;
                }
            }
        }

        return Task.FromResult(removed);
    }
}
