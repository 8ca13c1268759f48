using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// One metric's totals in steps of a fixed length (aligned to the Unix epoch), the last <see cref="Capacity"/> steps kept:
/// what a forecast reads, as a silo's hourly history keeps the total per hour. Only whole steps (before the one in
/// progress) are returned, gaps between steps with data interpolated; the series is rebuilt only when a step completes.
/// </summary>
internal sealed class StepTotals(TimeSpan step, int capacity)
{
    private readonly long _step = step.Ticks;
    private readonly double[] _sum = new double[capacity];
    private readonly int[] _count = new int[capacity];
    private long _head = long.MinValue;
    private long _first = long.MaxValue;
    private long _builtFor = long.MinValue;
    private HistorySeries? _built;

    public int Capacity { get; } = capacity;

    public void Record(DateTimeOffset at, double total)
    {
        var index = Index(at);
        if (_head == long.MinValue)
        {
            _head = index;
            _first = index;
        }

        for (var next = Math.Max(_head + 1, index - Capacity + 1); next <= index; next++)
        {
            var position = Position(next);
            _sum[position] = 0;
            _count[position] = 0;
        }

        if (index > _head)
        {
            _head = index;
        }

        if (index <= _head - Capacity)
        {
            return;
        }

        var slot = Position(index);
        _sum[slot] += total;
        _count[slot]++;
    }

    public HistorySeries? Series(DateTimeOffset now)
    {
        var last = Index(now) - 1;
        if (_head == long.MinValue || last < _first)
        {
            return null;
        }

        if (_builtFor == last)
        {
            return _built;
        }

        var newest = Math.Min(last, _head);
        var oldest = Math.Max(_first, Math.Max(newest - Capacity + 1, _head - Capacity + 1));
        while (oldest <= newest && _count[Position(oldest)] == 0)
        {
            oldest++;
        }

        while (newest >= oldest && _count[Position(newest)] == 0)
        {
            newest--;
        }

        _builtFor = last;
        _built = newest < oldest ? null : Build(oldest, newest);
        return _built;
    }

    private HistorySeries Build(long oldest, long newest)
    {
        var values = new double[newest - oldest + 1];
        var previous = -1;
        for (var i = 0; i < values.Length; i++)
        {
            var position = Position(oldest + i);
            if (_count[position] == 0)
            {
                continue;
            }

            values[i] = _sum[position] / _count[position];
            for (var gap = previous + 1; previous >= 0 && gap < i; gap++)
            {
                var fraction = (double)(gap - previous) / (i - previous);
                values[gap] = values[previous] + (fraction * (values[i] - values[previous]));
            }

            previous = i;
        }

        return new HistorySeries(new DateTimeOffset((oldest * _step) + DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.Zero), TimeSpan.FromTicks(_step), values);
    }

    private long Index(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks >= 0 ? ticks / _step : ((ticks + 1) / _step) - 1;
    }

    private int Position(long index) => (int)(((index % Capacity) + Capacity) % Capacity);
}
