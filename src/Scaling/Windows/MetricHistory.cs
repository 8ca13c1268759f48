namespace Autoscaler.Scaling.Windows;

/// <summary>
/// Long-horizon, downsampled history of one series for forecasting: a ring of fixed steps (default one hour × 336 =
/// 14 days), each keeping the sum and count of what was recorded in it, so a point is the mean of its step. Late
/// points within the horizon go to their own step; older ones are dropped. About 20 bytes per step.
/// </summary>
public sealed class MetricHistory
{
    private readonly long _step;
    private readonly int _capacity;
    private readonly long[] _epoch;
    private readonly double[] _sum;
    private readonly int[] _count;
    private long _head = long.MinValue;

    /// <summary>Creates an empty history of <paramref name="capacity"/> steps of <paramref name="step"/>.</summary>
    public MetricHistory(TimeSpan step, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _step = step.Ticks;
        _capacity = capacity;
        _epoch = new long[capacity];
        Array.Fill(_epoch, long.MinValue);
        _sum = new double[capacity];
        _count = new int[capacity];
    }

    /// <summary>Hourly points for 14 days.</summary>
    public static MetricHistory Hourly14Days() => new(TimeSpan.FromHours(1), 14 * 24);

    /// <summary>Spacing of the points.</summary>
    public TimeSpan Step => TimeSpan.FromTicks(_step);

    /// <summary>Adds a value to the step containing <paramref name="at"/>; returns false when dropped (too old or not finite).</summary>
    public bool Record(DateTimeOffset at, double value)
    {
        var index = at.UtcTicks / _step;
        if (!double.IsFinite(value) || (_head != long.MinValue && index <= _head - _capacity))
        {
            return false;
        }

        _head = Math.Max(_head, index);
        var slot = (int)(index % _capacity);
        if (_epoch[slot] != index)
        {
            _epoch[slot] = index;
            _sum[slot] = 0;
            _count[slot] = 0;
        }

        _sum[slot] += value;
        _count[slot]++;
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

            var slot = (int)((first + i) % _capacity);
            values[i] = _sum[slot] / _count[slot];
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
        var slots = Enumerable.Range(0, _capacity)
            .Where(slot => _epoch[slot] != long.MinValue && _count[slot] > 0)
            .OrderBy(slot => _epoch[slot])
            .ToArray();
        return new MetricHistorySnapshot(
            _step, _capacity, _head, [.. slots.Select(s => _epoch[s])], [.. slots.Select(s => _sum[s])], [.. slots.Select(s => _count[s])]);
    }

    /// <summary>A history equal to the one <paramref name="snapshot"/> was taken of.</summary>
    public static MetricHistory Restore(MetricHistorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var history = new MetricHistory(TimeSpan.FromTicks(snapshot.StepTicks), snapshot.Capacity) { _head = snapshot.Head };
        for (var i = 0; i < snapshot.Epochs.Length; i++)
        {
            var slot = (int)(((snapshot.Epochs[i] % history._capacity) + history._capacity) % history._capacity);
            history._epoch[slot] = snapshot.Epochs[i];
            history._sum[slot] = snapshot.Sums[i];
            history._count[slot] = snapshot.Counts[i];
        }

        return history;
    }

    private bool Has(long index)
    {
        var slot = (int)(((index % _capacity) + _capacity) % _capacity);
        return _epoch[slot] == index && _count[slot] > 0;
    }
}
