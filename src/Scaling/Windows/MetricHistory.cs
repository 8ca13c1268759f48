using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Windows;

/// <summary>
/// Long-horizon, downsampled history of one series for forecasting: a ring of fixed steps (default one hour × 336 =
/// 14 days), each keeping the sum and count of what was recorded in it, so a point is the mean of its step. Late
/// points within the horizon go to their own step; older ones are dropped. 12 bytes per step, allocated as the recorded
/// span grows (doubling up to the capacity), so a young history holds a few steps rather than all of them.
/// </summary>
/// <remarks>
/// The ring covers the steps (head − length, head], step <c>x</c> at position <c>x mod length</c>; a step inside it with
/// a count of zero has no data. Steps are not stamped with their index: moving the head forward clears the positions
/// it takes over, so a position never holds a step that has left the ring.
/// </remarks>
public sealed class MetricHistory
{
    private const int InitialLength = 4;

    private readonly long _step;
    private readonly int _capacity;
    private double[] _sum = [];
    private int[] _count = [];
    private long _head = long.MinValue;

    /// <summary>The oldest step that may hold data (no step before it does).</summary>
    private long _tail = long.MaxValue;

    /// <summary>Creates an empty history of <paramref name="capacity"/> steps of <paramref name="step"/>.</summary>
    public MetricHistory(TimeSpan step, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _step = step.Ticks;
        _capacity = capacity;
    }

    /// <summary>Hourly points for 14 days.</summary>
    public static MetricHistory Hourly14Days() => new(TimeSpan.FromHours(1), 14 * 24);

    /// <summary>Spacing of the points.</summary>
    public TimeSpan Step => TimeSpan.FromTicks(_step);

    /// <summary>Steps the ring has room for now (grows towards the capacity as the recorded span does).</summary>
    public int AllocatedSteps => _sum.Length;

    /// <summary>Adds a value to the step containing <paramref name="at"/>; returns false when dropped (too old or not finite).</summary>
    public bool Record(DateTimeOffset at, double value)
    {
        var index = at.UtcTicks / _step;
        if (!double.IsFinite(value) || (_head != long.MinValue && index <= _head - _capacity))
        {
            return false;
        }

        if (_head == long.MinValue)
        {
            _head = index;
            _tail = index;
            Resize(InitialLength);
        }
        else if (index > _head)
        {
            Advance(index);
        }
        else if (index < _tail)
        {
            EnsureSpan(_head - index + 1);
            _tail = index;
        }

        var position = Position(index);
        _sum[position] += value;
        _count[position]++;
        return true;
    }

    /// <summary>
    /// The complete steps before the one containing <paramref name="now"/>, from the oldest step with data to the
    /// newest; gaps between them are linearly interpolated. Empty when nothing was recorded.
    /// </summary>
    public HistorySeries Series(DateTimeOffset now)
    {
        var last = (now.UtcTicks / _step) - 1;
        var first = last - _capacity + 1;
        while (first <= last && !Has(first))
        {
            first++;
        }

        while (last >= first && !Has(last))
        {
            last--;
        }

        if (first > last)
        {
            return new HistorySeries(now, Step, []);
        }

        var values = new double[last - first + 1];
        var previous = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!Has(first + i))
            {
                continue;
            }

            var position = Position(first + i);
            values[i] = _sum[position] / _count[position];
            for (var gap = previous + 1; gap < i; gap++)
            {
                var t = (double)(gap - previous) / (i - previous);
                values[gap] = values[previous] + (t * (values[i] - values[previous]));
            }

            previous = i;
        }

        return new HistorySeries(new DateTimeOffset(first * _step, TimeSpan.Zero), Step, values);
    }

    /// <summary>The occupied steps as plain arrays.</summary>
    public MetricHistorySnapshot Snapshot()
    {
        var epochs = new List<long>();
        var sums = new List<double>();
        var counts = new List<int>();
        if (_head != long.MinValue)
        {
            for (var index = Math.Max(_tail, _head - _sum.Length + 1); index <= _head; index++)
            {
                var position = Position(index);
                if (_count[position] > 0)
                {
                    epochs.Add(index);
                    sums.Add(_sum[position]);
                    counts.Add(_count[position]);
                }
            }
        }

        return new MetricHistorySnapshot(_step, _capacity, _head, [.. epochs], [.. sums], [.. counts]);
    }

    /// <summary>
    /// A history equal to the one <paramref name="snapshot"/> was taken of. Steps at or before its head minus the
    /// capacity have left the horizon (a snapshot of the earlier, index-stamped ring may list them) and are not restored.
    /// </summary>
    public static MetricHistory Restore(MetricHistorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var history = new MetricHistory(TimeSpan.FromTicks(snapshot.StepTicks), snapshot.Capacity);
        if (snapshot.Head == long.MinValue)
        {
            return history;
        }

        history._head = snapshot.Head;
        history._tail = snapshot.Head;
        for (var i = 0; i < snapshot.Epochs.Length; i++)
        {
            if (InHorizon(snapshot.Epochs[i]) && snapshot.Counts[i] > 0)
            {
                history._tail = Math.Min(history._tail, snapshot.Epochs[i]);
            }
        }

        history.Resize(Math.Max(InitialLength, (int)(snapshot.Head - history._tail + 1)));
        for (var i = 0; i < snapshot.Epochs.Length; i++)
        {
            if (InHorizon(snapshot.Epochs[i]) && snapshot.Counts[i] > 0)
            {
                var position = history.Position(snapshot.Epochs[i]);
                history._sum[position] = snapshot.Sums[i];
                history._count[position] = snapshot.Counts[i];
            }
        }

        return history;

        bool InHorizon(long epoch) => epoch <= snapshot.Head && epoch > snapshot.Head - snapshot.Capacity;
    }

    /// <summary>Moves the head forward to <paramref name="index"/>: steps that leave the horizon are dropped.</summary>
    private void Advance(long index)
    {
        _tail = Math.Max(_tail, index - _capacity + 1);
        if (index - _tail + 1 > _sum.Length)
        {
            var head = _head;
            _head = index;
            Resize(index - _tail + 1, head);
            return;
        }

        // The positions the new steps take over held steps that are now out of the ring (or nothing).
        if (index - _head >= _sum.Length)
        {
            Array.Clear(_sum);
            Array.Clear(_count);
        }
        else
        {
            for (var step = _head + 1; step <= index; step++)
            {
                var position = Position(step);
                _sum[position] = 0;
                _count[position] = 0;
            }
        }

        _head = index;
    }

    /// <summary>Makes room for <paramref name="span"/> steps ending at the head.</summary>
    private void EnsureSpan(long span)
    {
        if (span > _sum.Length)
        {
            Resize(span, _head);
        }
    }

    /// <summary>
    /// Re-lays the ring at a length of at least <paramref name="span"/> (doubling, at most the capacity), keeping the steps
    /// from the tail up to <paramref name="oldHead"/> (the head the current layout was written for).
    /// </summary>
    private void Resize(long span, long oldHead = long.MinValue)
    {
        var length = (int)Math.Min(_capacity, Math.Max(span, (long)_sum.Length * 2));
        length = Math.Max(length, Math.Min(_capacity, InitialLength));
        var (sums, counts) = (_sum, _count);
        _sum = new double[length];
        _count = new int[length];
        if (oldHead == long.MinValue || sums.Length == 0)
        {
            return;
        }

        for (var step = Math.Max(_tail, oldHead - sums.Length + 1); step <= oldHead; step++)
        {
            var from = Mod(step, sums.Length);
            if (counts[from] > 0)
            {
                var to = Position(step);
                _sum[to] = sums[from];
                _count[to] = counts[from];
            }
        }
    }

    private bool Has(long index) =>
        _head != long.MinValue && index <= _head && index > _head - _sum.Length && _count[Position(index)] > 0;

    private int Position(long index) => Mod(index, _sum.Length);

    private static int Mod(long index, int length) => (int)(((index % length) + length) % length);
}
