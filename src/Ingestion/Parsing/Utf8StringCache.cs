using System.Text;

namespace Autoscaler.Ingestion.Parsing;

/// <summary>
/// Turns short UTF-8 or char spans into strings, reusing one instance per distinct value (sources, metric names and
/// targets repeat in every message). Bounded: past the limit new values are allocated but not kept. Not thread-safe.
/// </summary>
internal sealed class Utf8StringCache(int maxEntries = 16_384)
{
    private const int MaxCachedLength = 128;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxCachedLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Get(chars[..length]);
    }

    public string Get(ReadOnlySpan<char> chars)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var existing))
        {
            return existing;
        }

        var value = chars.ToString();
        if (_strings.Count < maxEntries)
        {
            _strings.Add(value);
        }

        return value;
    }
}
