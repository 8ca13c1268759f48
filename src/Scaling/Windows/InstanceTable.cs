namespace Autoscaler.Scaling.Windows;

/// <summary>
/// Latest value, request, readiness and last-seen time per instance, plus the timestamps and values of its last
/// <see cref="RecentDepth"/> samples so that a re-delivered sample can be recognised and replaced. Column-wise arrays
/// that grow by half again (from 4) up to the configured bound; steady state allocates nothing. The request column exists
/// only once some instance reports a request. Up to <see cref="LinearLimit"/>
/// instances are found by scanning the ids; a hash index is built only past that, so a small pool carries none.
/// </summary>
internal sealed class InstanceTable
{
    public const int RecentDepth = 4;

    /// <summary>Instances found by scanning the id column; past this many a hash index takes over.</summary>
    public const int LinearLimit = 16;

    private readonly int _max;
    private Dictionary<string, int>? _index;
    private string[] _ids;
    private double[] _value;
    /// <summary>Null until an instance reports a request: many sources never do.</summary>
    private double[]? _request;
    private bool[] _ready;
    private long[] _lastSeen;
    private long[] _recentTicks;
    private double[] _recentValue;

    public InstanceTable(int max)
    {
        _max = max;
        var initial = Math.Min(max, 4);
        _ids = new string[initial];
        _value = new double[initial];
        _ready = new bool[initial];
        _lastSeen = new long[initial];
        _recentTicks = new long[initial * RecentDepth];
        _recentValue = new double[initial * RecentDepth];
    }

    public int Count { get; private set; }

    /// <summary>UTC ticks of the newest sample any instance reported (long.MinValue: none yet).</summary>
    public long LatestTicks { get; private set; } = long.MinValue;

    /// <summary>Approximate bytes held: arrays with headers, plus the index's entries and buckets.</summary>
    public int RetainedBytes =>
        (7 * 24) + (_ids.Length * (8 + 8 + (_request is null ? 0 : 8) + 1 + 8 + (RecentDepth * 16))) + (_index is null ? 0 : 80 + (_index.EnsureCapacity(0) * (24 + 4)));

    /// <summary>
    /// The slot of an instance, creating it as needed. When the table is full, the least recently seen instance makes room
    /// only if it is stale at <paramref name="ticks"/> (silent for longer than <paramref name="stalenessTicks"/>: it reads
    /// as missing anyway); otherwise −1: a live instance is never pushed out by a new one.
    /// </summary>
    public int Resolve(string id, long ticks, long stalenessTicks)
    {
        var slot = Find(id);
        if (slot >= 0)
        {
            return slot;
        }

        if (Count == _ids.Length && Count < _max)
        {
            Grow(Larger(_ids.Length));
        }

        if (Count < _ids.Length)
        {
            slot = Count++;
        }
        else
        {
            slot = LeastRecentlySeen();
            if (_lastSeen[slot] != long.MinValue && ticks - _lastSeen[slot] <= stalenessTicks)
            {
                return -1;
            }

            _index?.Remove(_ids[slot]);
        }

        _ids[slot] = id;
        Index(id, slot);
        _lastSeen[slot] = long.MinValue;
        _value[slot] = double.NaN;
        if (_request is not null)
        {
            _request[slot] = double.NaN;
        }

        _ready[slot] = false;
        _recentTicks.AsSpan(slot * RecentDepth, RecentDepth).Fill(long.MinValue);
        return slot;
    }

    /// <summary>Finds a recent sample of the instance with exactly these ticks.</summary>
    public bool TryFindRecent(int slot, long ticks, out int recent, out double oldValue)
    {
        for (var i = slot * RecentDepth; i < (slot + 1) * RecentDepth; i++)
        {
            if (_recentTicks[i] == ticks)
            {
                recent = i;
                oldValue = _recentValue[i];
                return true;
            }
        }

        recent = -1;
        oldValue = double.NaN;
        return false;
    }

    /// <summary>Records a new or replacing sample; only the newest timestamp moves the latest value.</summary>
    public void Observe(int slot, int recent, long ticks, double value, double request, bool ready)
    {
        if (recent < 0)
        {
            // Overwrite the oldest remembered timestamp.
            recent = slot * RecentDepth;
            for (var i = recent + 1; i < (slot + 1) * RecentDepth; i++)
            {
                if (_recentTicks[i] < _recentTicks[recent])
                {
                    recent = i;
                }
            }

            _recentTicks[recent] = ticks;
        }

        _recentValue[recent] = value;
        if (ticks > LatestTicks)
        {
            LatestTicks = ticks;
        }

        if (ticks >= _lastSeen[slot])
        {
            _lastSeen[slot] = ticks;
            _value[slot] = value;
            SetRequest(slot, request);
            _ready[slot] = ready;
        }
    }

    public InstanceReading Read(int slot, long nowTicks, long stalenessTicks) =>
        new(_ids[slot], _value[slot], _request?[slot] ?? double.NaN, _ready[slot], _lastSeen[slot], nowTicks - _lastSeen[slot] > stalenessTicks);

    public bool Remove(string id)
    {
        var slot = Find(id);
        if (slot < 0)
        {
            return false;
        }

        _index?.Remove(id);

        var last = --Count;
        if (slot != last)
        {
            _ids[slot] = _ids[last];
            _value[slot] = _value[last];
            if (_request is not null)
            {
                _request[slot] = _request[last];
            }

            _ready[slot] = _ready[last];
            _lastSeen[slot] = _lastSeen[last];
            Array.Copy(_recentTicks, last * RecentDepth, _recentTicks, slot * RecentDepth, RecentDepth);
            Array.Copy(_recentValue, last * RecentDepth, _recentValue, slot * RecentDepth, RecentDepth);
            Index(_ids[slot], slot);
        }

        _ids[last] = null!;
        return true;
    }

    /// <summary>Every instance in table order.</summary>
    public InstancesSnapshot Snapshot()
    {
        var recentValues = _recentValue.AsSpan(0, Count * RecentDepth).ToArray();
        for (var i = 0; i < recentValues.Length; i++)
        {
            // An unused recent entry carries no value; keep the snapshot free of non-finite numbers.
            if (_recentTicks[i] == long.MinValue || !double.IsFinite(recentValues[i]))
            {
                recentValues[i] = 0;
            }
        }

        return new InstancesSnapshot(
            _ids.AsSpan(0, Count).ToArray(),
            _value.AsSpan(0, Count).ToArray(),
            [.. Enumerable.Range(0, Count).Select(i => _request is null || double.IsNaN(_request[i]) ? (double?)null : _request[i])],
            _ready.AsSpan(0, Count).ToArray(),
            _lastSeen.AsSpan(0, Count).ToArray(),
            _recentTicks.AsSpan(0, Count * RecentDepth).ToArray(),
            recentValues);
    }

    /// <summary>Loads a snapshot into this (empty) table, keeping the snapshot's order; beyond the bound, the rest is dropped.</summary>
    public void Restore(InstancesSnapshot snapshot)
    {
        var count = Math.Min(snapshot.Ids.Length, _max);
        var size = _ids.Length;
        while (size < count)
        {
            size = Larger(size);
        }

        if (size != _ids.Length)
        {
            Grow(size);
        }

        for (var slot = 0; slot < count; slot++)
        {
            _ids[slot] = snapshot.Ids[slot];
            Index(snapshot.Ids[slot], slot);
            _value[slot] = snapshot.Values[slot];
            SetRequest(slot, snapshot.Requests[slot] ?? double.NaN);
            _ready[slot] = snapshot.Ready[slot];
            _lastSeen[slot] = snapshot.LastSeen[slot];
            LatestTicks = Math.Max(LatestTicks, snapshot.LastSeen[slot]);
            Array.Copy(snapshot.RecentTicks, slot * RecentDepth, _recentTicks, slot * RecentDepth, RecentDepth);
            Array.Copy(snapshot.RecentValues, slot * RecentDepth, _recentValue, slot * RecentDepth, RecentDepth);
        }

        Count = count;
    }

    /// <summary>The slot holding <paramref name="id"/>, or −1. The scan runs from the end, so a repeated id (a hand-made
    /// snapshot) resolves to its last slot, as the index would.</summary>
    private int Find(string id)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(id, out var slot) ? slot : -1;
        }

        for (var slot = Count - 1; slot >= 0; slot--)
        {
            if (string.Equals(_ids[slot], id, StringComparison.Ordinal))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Records where <paramref name="id"/> lives; builds the hash index once the table outgrows a scan.</summary>
    private void Index(string id, int slot)
    {
        if (_index is null && Math.Max(Count, slot + 1) > LinearLimit)
        {
            // Slots below this one are filled (a restore sets Count only at its end).
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Max(Count, slot); i++)
            {
                _index[_ids[i]] = i;
            }
        }

        if (_index is not null)
        {
            _index[id] = slot;
        }
    }

    private int LeastRecentlySeen()
    {
        var oldest = 0;
        for (var i = 1; i < Count; i++)
        {
            if (_lastSeen[i] < _lastSeen[oldest])
            {
                oldest = i;
            }
        }

        return oldest;
    }

    /// <summary>The next size of the columns: half as much again (at least 4 more), within the bound.</summary>
    private int Larger(int size) => Math.Min(_max, size + Math.Max(4, size / 2));

    private void SetRequest(int slot, double request)
    {
        if (_request is null)
        {
            if (double.IsNaN(request))
            {
                return;
            }

            _request = new double[_ids.Length];
            Array.Fill(_request, double.NaN);
        }

        _request[slot] = request;
    }

    private void Grow(int size)
    {
        Array.Resize(ref _ids, size);
        Array.Resize(ref _value, size);
        if (_request is not null)
        {
            Array.Resize(ref _request, size);
        }
        Array.Resize(ref _ready, size);
        Array.Resize(ref _lastSeen, size);
        Array.Resize(ref _recentTicks, size * RecentDepth);
        Array.Resize(ref _recentValue, size * RecentDepth);
    }
}
