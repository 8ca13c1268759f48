using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Tests.Reference;

/// <summary>
/// The bucket ring as it was laid out before issue 19 (64-bit index and timestamps per slot, one <c>ushort[]</c> per
/// histogram row), kept unchanged as the reference that the compact <see cref="BucketRing"/> must answer exactly like.
/// </summary>
internal sealed class ReferenceBucketRing
{
    private readonly long _width;
    private readonly int _slots;
    private readonly long[] _epoch;
    private readonly int[] _count;
    private readonly double[] _sum;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly long[] _firstTicks;
    private readonly double[] _firstValue;
    private readonly long[] _lastTicks;
    private readonly double[] _lastValue;
    private readonly ushort[]?[] _rows;
    private readonly int[] _rowStart;
    private long _head = long.MinValue;

    /// <summary>Bins a new row covers, centred on its first sample.</summary>
    private const int InitialRowLength = 16;

    public ReferenceBucketRing(long widthTicks, int slots)
    {
        _width = widthTicks;
        _slots = slots;
        _epoch = new long[slots];
        Array.Fill(_epoch, long.MinValue);
        _count = new int[slots];
        _sum = new double[slots];
        _min = new double[slots];
        _max = new double[slots];
        _firstTicks = new long[slots];
        _firstValue = new double[slots];
        _lastTicks = new long[slots];
        _lastValue = new double[slots];
        _rows = new ushort[]?[slots];
        _rowStart = new int[slots];
    }

    /// <summary>Bytes held by the arrays (payload plus the runtime's 24-byte array header each).</summary>
    public int RetainedBytes
    {
        get
        {
            var rows = 0;
            foreach (var row in _rows)
            {
                rows += row is null ? 0 : 24 + (row.Length * sizeof(ushort));
            }

            return (12 * 24) + (_slots * ((8 * 8) + 4 + 8 + 4)) + rows;
        }
    }

    /// <summary>True when a sample at these ticks would still fall inside the ring.</summary>
    public bool Accepts(long ticks) => _head == long.MinValue || ticks / _width > _head - _slots;

    /// <summary>Adds a sample; the caller checked <see cref="Accepts"/>.</summary>
    public void Add(long ticks, double value)
    {
        var index = ticks / _width;
        _head = Math.Max(_head, index);
        var slot = (int)(index % _slots);
        if (_epoch[slot] != index)
        {
            Reset(slot, index);
        }

        _count[slot]++;
        _sum[slot] += value;
        _min[slot] = Math.Min(_min[slot], value);
        _max[slot] = Math.Max(_max[slot], value);
        // Ties on the timestamp break on the value so that arrival order never changes the answer.
        if (ticks < _firstTicks[slot] || (ticks == _firstTicks[slot] && value < _firstValue[slot]))
        {
            _firstTicks[slot] = ticks;
            _firstValue[slot] = value;
        }

        if (ticks > _lastTicks[slot] || (ticks == _lastTicks[slot] && value > _lastValue[slot]))
        {
            _lastTicks[slot] = ticks;
            _lastValue[slot] = value;
        }

        Increment(slot, LogHistogram.BinOf(value));
    }

    /// <summary>
    /// Swaps a sample already counted for a new value at the same timestamp. Min and max cannot forget the old value
    /// without the raw samples, so they keep it (they only ever widen).
    /// </summary>
    public void Replace(long ticks, double oldValue, double newValue)
    {
        var index = ticks / _width;
        var slot = (int)(index % _slots);
        if (_epoch[slot] != index)
        {
            return;
        }

        _sum[slot] += newValue - oldValue;
        _min[slot] = Math.Min(_min[slot], newValue);
        _max[slot] = Math.Max(_max[slot], newValue);
        if (_firstTicks[slot] == ticks && _firstValue[slot].Equals(oldValue))
        {
            _firstValue[slot] = newValue;
        }

        if (_lastTicks[slot] == ticks && _lastValue[slot].Equals(oldValue))
        {
            _lastValue[slot] = newValue;
        }

        var oldBin = LogHistogram.BinOf(oldValue) - _rowStart[slot];
        if (_rows[slot] is { } row && oldBin >= 0 && oldBin < row.Length && row[oldBin] > 0)
        {
            row[oldBin]--;
        }

        Increment(slot, LogHistogram.BinOf(newValue));
    }

    /// <summary>Aggregates every bucket that overlaps (now − window, now]; allocation-free.</summary>
    public WindowAggregate Aggregate(Aggregation aggregation, long windowTicks, long nowTicks)
    {
        var last = nowTicks / _width;
        var first = Math.Max((nowTicks - windowTicks) / _width, last - _slots + 1);
        return aggregation switch
        {
            Aggregation.P50 => Percentile(0.50, first, last),
            Aggregation.P90 => Percentile(0.90, first, last),
            Aggregation.P95 => Percentile(0.95, first, last),
            Aggregation.P99 => Percentile(0.99, first, last),
            _ => Scalar(aggregation, first, last),
        };
    }

    private WindowAggregate Scalar(Aggregation aggregation, long first, long last)
    {
        var count = 0;
        var sum = 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var firstTicks = long.MaxValue;
        var firstValue = double.NaN;
        var lastTicks = long.MinValue;
        var lastValue = double.NaN;
        for (var index = first; index <= last; index++)
        {
            var slot = (int)(index % _slots);
            if (_epoch[slot] != index || _count[slot] == 0)
            {
                continue;
            }

            count += _count[slot];
            sum += _sum[slot];
            min = Math.Min(min, _min[slot]);
            max = Math.Max(max, _max[slot]);
            if (_firstTicks[slot] < firstTicks || (_firstTicks[slot] == firstTicks && _firstValue[slot] < firstValue))
            {
                firstTicks = _firstTicks[slot];
                firstValue = _firstValue[slot];
            }

            if (_lastTicks[slot] > lastTicks || (_lastTicks[slot] == lastTicks && _lastValue[slot] > lastValue))
            {
                lastTicks = _lastTicks[slot];
                lastValue = _lastValue[slot];
            }
        }

        if (aggregation == Aggregation.Count)
        {
            return new WindowAggregate(count, count);
        }

        if (count == 0)
        {
            return WindowAggregate.Empty;
        }

        return aggregation switch
        {
            Aggregation.Avg => new WindowAggregate(sum / count, count),
            Aggregation.Min => new WindowAggregate(min, count),
            Aggregation.Max => new WindowAggregate(max, count),
            Aggregation.Sum => new WindowAggregate(sum, count),
            Aggregation.Rate when lastTicks > firstTicks =>
                new WindowAggregate((lastValue - firstValue) / TimeSpan.FromTicks(lastTicks - firstTicks).TotalSeconds, count),
            _ => WindowAggregate.Empty,
        };
    }

    private WindowAggregate Percentile(double quantile, long first, long last)
    {
        // Pass 1: exact count, min and max; they bound which bins can hold samples.
        var count = 0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var index = first; index <= last; index++)
        {
            var slot = (int)(index % _slots);
            if (_epoch[slot] == index && _count[slot] > 0)
            {
                count += _count[slot];
                min = Math.Min(min, _min[slot]);
                max = Math.Max(max, _max[slot]);
            }
        }

        if (count == 0)
        {
            return WindowAggregate.Empty;
        }

        // Pass 2: merge only the occupied bin range of each bucket (a bucket's min..max), so a metric with a narrow
        // spread costs a handful of bins per bucket rather than all of them.
        var low = LogHistogram.BinOf(min);
        var high = LogHistogram.BinOf(max);
        Span<int> merged = stackalloc int[LogHistogram.BinCount];
        merged[low..(high + 1)].Clear();
        long total = 0;
        for (var index = first; index <= last; index++)
        {
            var slot = (int)(index % _slots);
            if (_epoch[slot] != index || _count[slot] == 0)
            {
                continue;
            }

            if (_rows[slot] is not { } stored)
            {
                continue;
            }

            var from = Math.Max(LogHistogram.BinOf(_min[slot]), _rowStart[slot]);
            var to = Math.Min(LogHistogram.BinOf(_max[slot]), _rowStart[slot] + stored.Length - 1);
            if (to < from)
            {
                continue;
            }

            var row = stored.AsSpan(from - _rowStart[slot], to - from + 1);
            var target = merged.Slice(from, row.Length);
            for (var bin = 0; bin < row.Length; bin++)
            {
                target[bin] += row[bin];
                total += row[bin];
            }
        }

        if (total == 0)
        {
            return WindowAggregate.Empty;
        }

        // Nearest rank: the smallest value with at least quantile × total samples at or below it.
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var bin = low; bin <= high; bin++)
        {
            seen += merged[bin];
            if (seen >= rank)
            {
                // The overflow bin has no upper edge: its best estimate is the exact maximum.
                var estimate = bin == LogHistogram.BinCount - 1 ? max : LogHistogram.Representative(bin);
                return new WindowAggregate(Math.Clamp(estimate, min, max), count);
            }
        }

        return new WindowAggregate(max, count);
    }

    /// <summary>The occupied buckets as plain arrays.</summary>
    public BucketsSnapshot Snapshot()
    {
        var slots = new List<int>(_slots);
        for (var slot = 0; slot < _slots; slot++)
        {
            if (_epoch[slot] != long.MinValue && _count[slot] > 0)
            {
                slots.Add(slot);
            }
        }

        // Oldest first, so the snapshot reads in time order.
        slots.Sort((a, b) => _epoch[a].CompareTo(_epoch[b]));
        var starts = new int[slots.Count];
        var lengths = new int[slots.Count];
        var bins = new List<int>(slots.Count * 8);
        for (var i = 0; i < slots.Count; i++)
        {
            var row = (_rows[slots[i]] ?? []).AsSpan();
            var first = row.IndexOfAnyExcept((ushort)0);
            var last = row.LastIndexOfAnyExcept((ushort)0);
            starts[i] = first < 0 ? 0 : _rowStart[slots[i]] + first;
            lengths[i] = first < 0 ? 0 : last - first + 1;
            for (var bin = first; first >= 0 && bin <= last; bin++)
            {
                bins.Add(row[bin]);
            }
        }

        return new BucketsSnapshot(
            _head,
            [.. slots.Select(s => _epoch[s])],
            [.. slots.Select(s => _count[s])],
            [.. slots.Select(s => _sum[s])],
            [.. slots.Select(s => _min[s])],
            [.. slots.Select(s => _max[s])],
            [.. slots.Select(s => _firstTicks[s])],
            [.. slots.Select(s => _firstValue[s])],
            [.. slots.Select(s => _lastTicks[s])],
            [.. slots.Select(s => _lastValue[s])],
            starts,
            lengths,
            [.. bins]);
    }

    /// <summary>Loads a snapshot into this (empty) ring; buckets are placed by their absolute index.</summary>
    public void Restore(BucketsSnapshot snapshot)
    {
        _head = snapshot.Head;
        var offset = 0;
        for (var i = 0; i < snapshot.Epochs.Length; i++)
        {
            var index = snapshot.Epochs[i];
            var slot = (int)(((index % _slots) + _slots) % _slots);
            Reset(slot, index);
            _count[slot] = snapshot.Counts[i];
            _sum[slot] = snapshot.Sums[i];
            _min[slot] = snapshot.Mins[i];
            _max[slot] = snapshot.Maxes[i];
            _firstTicks[slot] = snapshot.FirstTicks[i];
            _firstValue[slot] = snapshot.FirstValues[i];
            _lastTicks[slot] = snapshot.LastTicks[i];
            _lastValue[slot] = snapshot.LastValues[i];
            var length = snapshot.BinLengths[i];
            if (length > 0)
            {
                var row = new ushort[Math.Max(length, InitialRowLength)];
                var start = Math.Clamp(snapshot.BinStarts[i], 0, LogHistogram.BinCount - row.Length);
                for (var bin = 0; bin < length; bin++)
                {
                    row[snapshot.BinStarts[i] - start + bin] = checked((ushort)snapshot.Bins[offset + bin]);
                }

                _rows[slot] = row;
                _rowStart[slot] = start;
            }

            offset += length;
        }
    }

    private void Reset(int slot, long index)
    {
        _epoch[slot] = index;
        _count[slot] = 0;
        _sum[slot] = 0;
        _min[slot] = double.PositiveInfinity;
        _max[slot] = double.NegativeInfinity;
        _firstTicks[slot] = long.MaxValue;
        _firstValue[slot] = double.NaN;
        _lastTicks[slot] = long.MinValue;
        _lastValue[slot] = double.NaN;

        // Keep the row's array for the slot's next bucket; it is re-centred on that bucket's first sample.
        if (_rows[slot] is { } row)
        {
            Array.Clear(row);
            _rowStart[slot] = -1;
        }
    }

    private void Increment(int slot, int bin)
    {
        var row = RowCovering(slot, bin);
        var index = bin - _rowStart[slot];
        if (row[index] == ushort.MaxValue)
        {
            // Halve the row rather than saturate one bin: percentiles depend only on proportions.
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = (ushort)((row[i] + 1) / 2);
            }
        }

        row[index]++;
    }

    /// <summary>The slot's row, allocated, re-centred or grown so that it covers <paramref name="bin"/>.</summary>
    private ushort[] RowCovering(int slot, int bin)
    {
        var row = _rows[slot];
        if (row is not null && _rowStart[slot] < 0)
        {
            _rowStart[slot] = Math.Clamp(bin - (row.Length / 2), 0, LogHistogram.BinCount - row.Length);
        }

        if (row is not null && bin >= _rowStart[slot] && bin < _rowStart[slot] + row.Length)
        {
            return row;
        }

        if (row is null)
        {
            row = new ushort[InitialRowLength];
            _rowStart[slot] = Math.Clamp(bin - (InitialRowLength / 2), 0, LogHistogram.BinCount - InitialRowLength);
            return _rows[slot] = row;
        }

        // Grow to cover the new bin with as much headroom again on that side, within the histogram.
        var oldStart = _rowStart[slot];
        var low = Math.Min(oldStart, bin);
        var high = Math.Max(oldStart + row.Length, bin + 1);
        var span = high - low;
        low = Math.Max(0, bin < oldStart ? low - (span / 2) : low);
        high = Math.Min(LogHistogram.BinCount, bin >= oldStart + row.Length ? high + (span / 2) : high);
        var grown = new ushort[high - low];
        row.AsSpan().CopyTo(grown.AsSpan(oldStart - low));
        _rowStart[slot] = low;
        return _rows[slot] = grown;
    }
}
