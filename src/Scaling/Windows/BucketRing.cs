using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Windows;

/// <summary>
/// A ring of time buckets, stored column-wise in flat arrays (no object per bucket), each holding count, sum, min, max,
/// the earliest and latest sample, and a <see cref="LogHistogram"/> row (kept in <see cref="HistogramRows"/>). A slot
/// belongs to the bucket whose absolute index (ticks / width) it records, so stale slots are recognised, not cleared
/// eagerly. The layout is narrow where that loses nothing: the index is kept relative to an origin in 32 bits, and the
/// earliest and latest timestamps as 32-bit offsets within their bucket whenever a bucket is at most int.MaxValue ticks
/// wide (about 214 s; wider buckets keep 64-bit timestamps). Every answer is the same as with full-width columns.
/// </summary>
internal sealed class BucketRing
{
    /// <summary>Relative index of a slot that never held a bucket.</summary>
    private const int NoBucket = int.MinValue;

    private readonly long _width;
    private readonly int _slots;
    private readonly int[] _epoch;
    private readonly int[] _count;
    private readonly double[] _sum;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly double[] _firstValue;
    private readonly double[] _lastValue;
    private readonly int[]? _firstOffset;
    private readonly int[]? _lastOffset;
    private readonly long[]? _firstTicks;
    private readonly long[]? _lastTicks;
    private readonly HistogramRows _rows;
    private long _origin;
    private long _head = long.MinValue;

    public BucketRing(long widthTicks, int slots)
    {
        _width = widthTicks;
        _slots = slots;
        _epoch = new int[slots];
        Array.Fill(_epoch, NoBucket);
        _count = new int[slots];
        _sum = new double[slots];
        _min = new double[slots];
        _max = new double[slots];
        _firstValue = new double[slots];
        _lastValue = new double[slots];
        if (widthTicks <= int.MaxValue)
        {
            _firstOffset = new int[slots];
            _lastOffset = new int[slots];
        }
        else
        {
            _firstTicks = new long[slots];
            _lastTicks = new long[slots];
        }

        _rows = new HistogramRows(slots);
    }

    /// <summary>Bytes held by the arrays (payload plus the runtime's 24-byte array header each).</summary>
    public int RetainedBytes =>
        (9 * 24) + (_slots * (4 + 4 + (5 * 8) + (_firstOffset is null ? 16 : 8))) + 48 + _rows.RetainedBytes;

    /// <summary>True when a sample at these ticks would still fall inside the ring.</summary>
    public bool Accepts(long ticks) => _head == long.MinValue || ticks / _width > _head - _slots;

    /// <summary>Adds a sample; the caller checked <see cref="Accepts"/>.</summary>
    public void Add(long ticks, double value)
    {
        var index = ticks / _width;
        if (_head == long.MinValue)
        {
            _origin = index;
        }

        _head = Math.Max(_head, index);
        var slot = (int)(index % _slots);
        if (EpochOf(slot) != index)
        {
            Reset(slot, index);
        }

        _count[slot]++;
        _sum[slot] += value;
        _min[slot] = Math.Min(_min[slot], value);
        _max[slot] = Math.Max(_max[slot], value);
        // Ties on the timestamp break on the value so that arrival order never changes the answer.
        var first = FirstTicks(slot, index);
        if (ticks < first || (ticks == first && value < _firstValue[slot]))
        {
            SetFirst(slot, index, ticks, value);
        }

        var last = LastTicks(slot, index);
        if (ticks > last || (ticks == last && value > _lastValue[slot]))
        {
            SetLast(slot, index, ticks, value);
        }

        _rows.Increment(slot, LogHistogram.BinOf(value), fresh: _count[slot] == 1);
    }

    /// <summary>
    /// Swaps a sample already counted for a new value at the same timestamp. Min and max cannot forget the old value
    /// without the raw samples, so they keep it (they only ever widen).
    /// </summary>
    public void Replace(long ticks, double oldValue, double newValue)
    {
        var index = ticks / _width;
        var slot = (int)(index % _slots);
        if (EpochOf(slot) != index)
        {
            return;
        }

        _sum[slot] += newValue - oldValue;
        _min[slot] = Math.Min(_min[slot], newValue);
        _max[slot] = Math.Max(_max[slot], newValue);
        if (FirstTicks(slot, index) == ticks && _firstValue[slot].Equals(oldValue))
        {
            _firstValue[slot] = newValue;
        }

        if (LastTicks(slot, index) == ticks && _lastValue[slot].Equals(oldValue))
        {
            _lastValue[slot] = newValue;
        }

        _rows.Decrement(slot, LogHistogram.BinOf(oldValue));
        _rows.Increment(slot, LogHistogram.BinOf(newValue), fresh: false);
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
            if (EpochOf(slot) != index || _count[slot] == 0)
            {
                continue;
            }

            count += _count[slot];
            sum += _sum[slot];
            min = Math.Min(min, _min[slot]);
            max = Math.Max(max, _max[slot]);
            var bucketFirst = FirstTicks(slot, index);
            if (bucketFirst < firstTicks || (bucketFirst == firstTicks && _firstValue[slot] < firstValue))
            {
                firstTicks = bucketFirst;
                firstValue = _firstValue[slot];
            }

            var bucketLast = LastTicks(slot, index);
            if (bucketLast > lastTicks || (bucketLast == lastTicks && _lastValue[slot] > lastValue))
            {
                lastTicks = bucketLast;
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
            if (EpochOf(slot) == index && _count[slot] > 0)
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
            if (EpochOf(slot) != index || _count[slot] == 0)
            {
                continue;
            }

            var stored = _rows.Row(slot, out var rowStart);
            var from = Math.Max(LogHistogram.BinOf(_min[slot]), rowStart);
            var to = Math.Min(LogHistogram.BinOf(_max[slot]), rowStart + stored.Length - 1);
            if (to < from)
            {
                continue;
            }

            var row = stored.Slice(from - rowStart, to - from + 1);
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
            if (_epoch[slot] != NoBucket && _count[slot] > 0)
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
            var row = _rows.Row(slots[i], out var rowStart);
            var first = row.IndexOfAnyExcept((ushort)0);
            var last = row.LastIndexOfAnyExcept((ushort)0);
            starts[i] = first < 0 ? 0 : rowStart + first;
            lengths[i] = first < 0 ? 0 : last - first + 1;
            for (var bin = first; first >= 0 && bin <= last; bin++)
            {
                bins.Add(row[bin]);
            }
        }

        return new BucketsSnapshot(
            _head,
            [.. slots.Select(EpochOf)],
            [.. slots.Select(s => _count[s])],
            [.. slots.Select(s => _sum[s])],
            [.. slots.Select(s => _min[s])],
            [.. slots.Select(s => _max[s])],
            [.. slots.Select(s => FirstTicks(s, EpochOf(s)))],
            [.. slots.Select(s => _firstValue[s])],
            [.. slots.Select(s => LastTicks(s, EpochOf(s)))],
            [.. slots.Select(s => _lastValue[s])],
            starts,
            lengths,
            [.. bins]);
    }

    /// <summary>
    /// Loads a snapshot into this (empty) ring; buckets are placed by their absolute index. A bucket more than 2³¹ buckets
    /// from the head cannot be inside any window the ring answers for and is not restored.
    /// </summary>
    public void Restore(BucketsSnapshot snapshot)
    {
        _head = snapshot.Head;
        _origin = snapshot.Head == long.MinValue ? 0 : snapshot.Head;
        var offset = 0;
        var rows = new List<(int Slot, int Start, int[] Counts)>(snapshot.Epochs.Length);
        for (var i = 0; i < snapshot.Epochs.Length; i++)
        {
            var index = snapshot.Epochs[i];
            var length = snapshot.BinLengths[i];
            offset += length;
            if (!FitsRelative(index))
            {
                continue;
            }

            var slot = (int)(((index % _slots) + _slots) % _slots);
            Reset(slot, index);
            _count[slot] = snapshot.Counts[i];
            _sum[slot] = snapshot.Sums[i];
            _min[slot] = snapshot.Mins[i];
            _max[slot] = snapshot.Maxes[i];
            SetFirst(slot, index, snapshot.FirstTicks[i], snapshot.FirstValues[i]);
            SetLast(slot, index, snapshot.LastTicks[i], snapshot.LastValues[i]);
            if (length > 0)
            {
                rows.Add((slot, snapshot.BinStarts[i], snapshot.Bins[(offset - length)..offset]));
            }
        }

        _rows.Load(rows);
    }

    /// <summary>Absolute index of the bucket a slot holds; long.MinValue when it never held one.</summary>
    private long EpochOf(int slot) => _epoch[slot] == NoBucket ? long.MinValue : _origin + _epoch[slot];

    private bool FitsRelative(long index) => index - _origin > NoBucket && index - _origin <= int.MaxValue;

    private long FirstTicks(int slot, long index) =>
        _firstOffset is null ? _firstTicks![slot] : _firstOffset[slot] == int.MaxValue ? long.MaxValue : (index * _width) + _firstOffset[slot];

    private long LastTicks(int slot, long index) =>
        _lastOffset is null ? _lastTicks![slot] : _lastOffset[slot] == int.MinValue ? long.MinValue : (index * _width) + _lastOffset[slot];

    private void SetFirst(int slot, long index, long ticks, double value)
    {
        _firstValue[slot] = value;
        if (_firstOffset is null)
        {
            _firstTicks![slot] = ticks;
        }
        else
        {
            _firstOffset[slot] = ticks == long.MaxValue ? int.MaxValue : checked((int)(ticks - (index * _width)));
        }
    }

    private void SetLast(int slot, long index, long ticks, double value)
    {
        _lastValue[slot] = value;
        if (_lastOffset is null)
        {
            _lastTicks![slot] = ticks;
        }
        else
        {
            _lastOffset[slot] = ticks == long.MinValue ? int.MinValue : checked((int)(ticks - (index * _width)));
        }
    }

    private void Reset(int slot, long index)
    {
        if (!FitsRelative(index))
        {
            Rebase(index);
        }

        _epoch[slot] = (int)(index - _origin);
        _count[slot] = 0;
        _sum[slot] = 0;
        _min[slot] = double.PositiveInfinity;
        _max[slot] = double.NegativeInfinity;
        SetFirst(slot, index, long.MaxValue, double.NaN);
        SetLast(slot, index, long.MinValue, double.NaN);

        // Keep the row's place for the slot's next bucket; it is re-centred on that bucket's first sample.
        _rows.Clear(slot);
    }

    /// <summary>
    /// Moves the origin to <paramref name="index"/> (a bucket 2³¹ or more buckets away from it): slots whose bucket is
    /// as far from the new origin are forgotten; they lie outside every window around the head.
    /// </summary>
    private void Rebase(long index)
    {
        for (var slot = 0; slot < _slots; slot++)
        {
            var epoch = EpochOf(slot);
            _epoch[slot] = epoch == long.MinValue || epoch - index <= NoBucket || epoch - index > int.MaxValue
                ? NoBucket
                : (int)(epoch - index);
        }

        _origin = index;
    }
}
