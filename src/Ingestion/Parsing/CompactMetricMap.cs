using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Autoscaler.Ingestion.Parsing;

/// <summary>
/// A read-only name → value map sized exactly to a sample's few metrics: one array instead of a dictionary's buckets and
/// entries (a third of the allocation). Lookups scan linearly, which beats hashing at the sizes telemetry carries.
/// </summary>
internal sealed class CompactMetricMap : IReadOnlyDictionary<string, double>
{
    private readonly KeyValuePair<string, double>[] _entries;

    public CompactMetricMap(ReadOnlySpan<KeyValuePair<string, double>> entries) => _entries = entries.ToArray();

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<double> Values => _entries.Select(e => e.Value);

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No metric named '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, double>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
