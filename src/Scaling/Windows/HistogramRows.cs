namespace Autoscaler.Scaling.Windows;

/// <summary>
/// The <see cref="LogHistogram"/> rows of a <see cref="BucketRing"/>'s slots, packed one after another in a single array
/// (no array, header or reference per row). A slot's row covers only the bins its bucket's samples reach, as a run of
/// 16-bit counts from <c>start</c> for <c>length</c> bins. A row that must grow moves to the end of the array; the array
/// is compacted (holes dropped) when it runs out of room. A slot's next bucket reuses its row where it lies, so a steady
/// load stops allocating once every row covers its spread.
/// </summary>
internal sealed class HistogramRows
{
    /// <summary>Bins a new row covers, centred on its first sample.</summary>
    private const int InitialRowLength = 8;

    /// <summary>Bins added beyond the one that made a row grow, so a slowly widening spread does not move it each time.</summary>
    private const int GrowthPad = 2;

    /// <summary>Spare bins a compaction leaves at the end of the array.</summary>
    private const int Headroom = 32;

    private readonly int[] _offset;
    private readonly short[] _start;
    private readonly short[] _length;
    private ushort[] _bins = [];
    private int _used;
    private int _live;

    public HistogramRows(int slots)
    {
        _offset = new int[slots];
        _start = new short[slots];
        _length = new short[slots];
    }

    /// <summary>Bytes held by the arrays (payload plus the runtime's 24-byte array header each).</summary>
    public int RetainedBytes => (4 * 24) + (_offset.Length * (4 + 2 + 2)) + (_bins.Length * sizeof(ushort));

    /// <summary>The slot's row and the bin it starts at; empty when the slot has none.</summary>
    public ReadOnlySpan<ushort> Row(int slot, out int start)
    {
        start = _start[slot];
        return _bins.AsSpan(_offset[slot], _length[slot]);
    }

    /// <summary>Empties the slot's row for its next bucket; the row keeps its place and its bins.</summary>
    public void Clear(int slot) => _bins.AsSpan(_offset[slot], _length[slot]).Clear();

    /// <summary>Counts one sample in <paramref name="bin"/>; <paramref name="fresh"/>: the bucket's first sample (a row may move).</summary>
    public void Increment(int slot, int bin, bool fresh)
    {
        var index = Covering(slot, bin, fresh);
        if (_bins[index] == ushort.MaxValue)
        {
            // Halve the row rather than saturate one bin: percentiles depend only on proportions.
            foreach (ref var count in _bins.AsSpan(_offset[slot], _length[slot]))
            {
                count = (ushort)((count + 1) / 2);
            }
        }

        _bins[index]++;
    }

    /// <summary>Takes one sample out of <paramref name="bin"/> when the row holds one there.</summary>
    public void Decrement(int slot, int bin)
    {
        var at = bin - _start[slot];
        if (at >= 0 && at < _length[slot] && _bins[_offset[slot] + at] > 0)
        {
            _bins[_offset[slot] + at]--;
        }
    }

    /// <summary>Lays out restored rows: <paramref name="rows"/> gives each slot's first bin and its counts.</summary>
    public void Load(IReadOnlyList<(int Slot, int Start, int[] Counts)> rows)
    {
        var total = rows.Sum(r => r.Counts.Length);
        _bins = new ushort[total + Headroom];
        _used = 0;
        _live = 0;
        foreach (var (slot, start, counts) in rows)
        {
            if (start < 0 || start + counts.Length > LogHistogram.BinCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), start, "BinStarts: a bucket's bins must lie within the histogram");
            }

            Place(slot, start, counts.Length);
            for (var bin = 0; bin < counts.Length; bin++)
            {
                _bins[_offset[slot] + bin] = checked((ushort)counts[bin]);
            }
        }
    }

    /// <summary>The array index of <paramref name="bin"/> in the slot's row, after placing, re-centring or growing the row.</summary>
    private int Covering(int slot, int bin, bool fresh)
    {
        int start = _start[slot], length = _length[slot];
        if (bin >= start && bin < start + length)
        {
            return _offset[slot] + bin - start;
        }

        if (length == 0)
        {
            length = InitialRowLength;
        }
        else if (fresh)
        {
            // The row is empty: centre it on this bucket's first sample, keeping its size and place.
            _start[slot] = (short)Math.Clamp(bin - (length / 2), 0, LogHistogram.BinCount - length);
            return _offset[slot] + bin - _start[slot];
        }

        int low, high;
        if (_length[slot] == 0)
        {
            low = Math.Clamp(bin - (length / 2), 0, LogHistogram.BinCount - length);
            high = low + length;
        }
        else
        {
            low = Math.Max(0, Math.Min(start, bin - GrowthPad));
            high = Math.Min(LogHistogram.BinCount, Math.Max(start + length, bin + 1 + GrowthPad));
        }

        Move(slot, low, high - low);
        return _offset[slot] + bin - low;
    }

    /// <summary>Gives the slot a row of <paramref name="length"/> bins from <paramref name="start"/>, keeping its counts.</summary>
    private void Move(int slot, int start, int length)
    {
        if (_used + length > _bins.Length)
        {
            Compact(length);
        }

        int oldOffset = _offset[slot], oldStart = _start[slot], oldLength = _length[slot];
        Place(slot, start, length);
        _live -= oldLength;
        _bins.AsSpan(oldOffset, oldLength).CopyTo(_bins.AsSpan(_offset[slot] + Math.Max(0, oldStart - start)));
    }

    private void Place(int slot, int start, int length)
    {
        _offset[slot] = _used;
        _start[slot] = (short)start;
        _length[slot] = (short)length;
        _used += length;
        _live += length;
    }

    /// <summary>
    /// Copies the live rows into a new array with room for <paramref name="needed"/> more bins, plus spare room: doubling
    /// while the ring fills its slots (up to an initial row for each), then an eighth of what is live (at least
    /// <see cref="Headroom"/>), so rows that widen move without a copy of the whole array each time.
    /// </summary>
    private void Compact(int needed)
    {
        var filling = Math.Min(_bins.Length * 2, (_offset.Length * InitialRowLength) + Headroom);
        var bins = new ushort[Math.Max(_live + needed + Math.Max(Headroom, _live / 8), filling)];
        var used = 0;
        for (var slot = 0; slot < _offset.Length; slot++)
        {
            _bins.AsSpan(_offset[slot], _length[slot]).CopyTo(bins.AsSpan(used));
            _offset[slot] = used;
            used += _length[slot];
        }

        _bins = bins;
        _used = used;
    }
}
