using System.Globalization;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>
/// The process-memory history behind embedded mode's scaling and alarm history stores: entries grouped by a key (a
/// target, an alarm), idempotent by id, the newest <c>maxPerKey</c> per key, and pages newest first with an offset cursor.
/// </summary>
/// <typeparam name="T">The entry.</typeparam>
internal sealed class InMemoryHistoryLog<T>(Func<T, string> key, Func<T, string> id, Func<T, DateTimeOffset> at, int maxPerKey)
{
    private readonly Dictionary<string, List<T>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Adds an entry unless its id is known; drops the oldest beyond the cap and those older than <paramref name="cutoff"/>.</summary>
    public bool Append(T entry, DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            if (!_ids.Add(id(entry)))
            {
                return false;
            }

            if (!_byKey.TryGetValue(key(entry), out var entries))
            {
                _byKey[key(entry)] = entries = [];
            }

            entries.Add(entry);
            while (entries.Count > 0 && (entries.Count > maxPerKey || at(entries[0]) < cutoff))
            {
                _ids.Remove(id(entries[0]));
                entries.RemoveAt(0);
            }

            return true;
        }
    }

    /// <summary>One page of a key's entries in [from, to), newest first, and the cursor of the next page (null: none).</summary>
    public (IReadOnlyList<T> Page, string? Next) Query(string group, DateTimeOffset from, DateTimeOffset to, int limit, string? cursor)
    {
        var skip = cursor is null ? 0 : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            var matching = (_byKey.GetValueOrDefault(group) ?? [])
                .Where(e => at(e) >= from && at(e) < to)
                .OrderByDescending(at)
                .ThenByDescending(id, StringComparer.Ordinal)
                .Skip(skip)
                .Take(limit + 1)
                .ToList();
            var more = matching.Count > limit;
            return (more ? matching[..limit] : matching, more ? (skip + limit).ToString(CultureInfo.InvariantCulture) : null);
        }
    }

    /// <summary>Removes every entry older than <paramref name="olderThan"/>; returns how many.</summary>
    public long Purge(DateTimeOffset olderThan)
    {
        long removed = 0;
        lock (_lock)
        {
            foreach (var entries in _byKey.Values)
            {
                removed += entries.RemoveAll(e =>
                {
                    var old = at(e) < olderThan;
                    if (old)
                    {
                        _ids.Remove(id(e));
                    }

                    return old;
                });
            }
        }

        return removed;
    }
}
