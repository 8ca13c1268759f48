using System.Globalization;
using Autoscaler.Ports.Alarms;

namespace Autoscaler.Silo.ControlPlane.Alarms;

/// <summary>
/// The alarm history of embedded mode: process memory, idempotent by id, the newest <see cref="MaxEntriesPerAlarm"/>
/// entries per alarm and nothing older than <see cref="Retention"/> (14 days, as CloudWatch keeps). Nothing survives a restart.
/// </summary>
public sealed class InMemoryAlarmHistoryStore(TimeProvider clock) : IAlarmHistoryStore
{
    /// <summary>Entries kept per alarm.</summary>
    public const int MaxEntriesPerAlarm = 5_000;

    /// <summary>How long entries are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    private readonly Dictionary<string, List<AlarmRecord>> _byAlarm = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> AppendAsync(AlarmRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            if (!_ids.Add(record.Id))
            {
                return Task.FromResult(false);
            }

            if (!_byAlarm.TryGetValue(record.Alarm, out var entries))
            {
                _byAlarm[record.Alarm] = entries = [];
            }

            entries.Add(record);
            var cutoff = clock.GetUtcNow() - Retention;
            while (entries.Count > 0 && (entries.Count > MaxEntriesPerAlarm || entries[0].At < cutoff))
            {
                _ids.Remove(entries[0].Id);
                entries.RemoveAt(0);
            }

            return Task.FromResult(true);
        }
    }

    public Task<AlarmHistoryPage> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var skip = query.Cursor is null ? 0 : int.Parse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            var matching = (_byAlarm.GetValueOrDefault(query.Alarm) ?? [])
                .Where(e => e.At >= query.From && e.At < query.To)
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.Id, StringComparer.Ordinal)
                .Skip(skip)
                .Take(query.Limit + 1)
                .ToList();
            var more = matching.Count > query.Limit;
            return Task.FromResult(new AlarmHistoryPage(
                more ? matching[..query.Limit] : matching, more ? (skip + query.Limit).ToString(CultureInfo.InvariantCulture) : null));
        }
    }

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        long removed = 0;
        lock (_lock)
        {
            foreach (var entries in _byAlarm.Values)
            {
                foreach (var old in entries.Where(e => e.At < olderThan).ToList())
                {
                    entries.Remove(old);
                    _ids.Remove(old.Id);
                    removed++;
                }
            }
        }

        return Task.FromResult(removed);
    }
}
