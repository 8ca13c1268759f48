namespace Autoscaler.Scaling.Windows;

/// <summary>
/// Remembers the last <see cref="Capacity"/> samples a target recorded, each by instance, timestamp and a hash of its
/// content, so that a sample delivered again (an at-least-once transport redelivering a message whose first delivery was
/// applied but not acknowledged) is recognised and dropped before it reaches the windows. Deterministic for a given
/// arrival order: a duplicate arriving while its original is among the last <see cref="Capacity"/> samples is always
/// dropped; one arriving later is not recognised here (the window itself still replaces a sample with the same instance
/// and timestamp as one of that instance's last four). Bounded: a ring and a set of at most <see cref="Capacity"/> keys.
/// No clock, no I/O; one owner at a time.
/// </summary>
public sealed class DuplicateSampleFilter
{
    private readonly (string Source, long Ticks, int Content)[] _ring;
    private readonly HashSet<(string Source, long Ticks, int Content)> _seen;
    private int _next;

    /// <summary>Creates a filter remembering up to <paramref name="capacity"/> samples.</summary>
    public DuplicateSampleFilter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new (string, long, int)[capacity];
        _seen = new HashSet<(string, long, int)>(capacity);
    }

    /// <summary>How many samples are remembered at most.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Samples dropped as duplicates so far.</summary>
    public long Duplicates { get; private set; }

    /// <summary>
    /// Deterministic size accounting once full: the ring (24 bytes a key), the set's entries (a key, its hash and link:
    /// 32 bytes) and buckets (4 bytes), the object headers; instance id strings belong to the caller.
    /// </summary>
    public int RetainedBytes => 64 + (Capacity * (24 + 32 + 4)) + 48;

    /// <summary>
    /// True when the sample is new (it is remembered, pushing out the oldest one at capacity); false when the same
    /// instance, timestamp and content is remembered (counted in <see cref="Duplicates"/>).
    /// </summary>
    public bool Admit(string source, long timestampTicks, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metrics);
        var key = (source, timestampTicks, ContentHash(metrics));
        if (_seen.Contains(key))
        {
            Duplicates++;
            return false;
        }

        if (_seen.Count == _ring.Length)
        {
            _seen.Remove(_ring[_next]);
        }

        _ring[_next] = key;
        _seen.Add(key);
        _next = (_next + 1) % _ring.Length;
        return true;
    }

    // Order-independent: the same metrics in any order hash alike.
    private static int ContentHash(IReadOnlyDictionary<string, double> metrics)
    {
        var hash = 0;
        foreach (var (name, value) in metrics)
        {
            hash ^= HashCode.Combine(name, value);
        }

        return hash;
    }
}
