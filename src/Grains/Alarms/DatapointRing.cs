namespace Autoscaler.Grains.Alarms;

/// <summary>
/// An alarm's own datapoints at a fixed step, oldest first, bounded: what anomaly models train on, what long periods are
/// combined from, and the range of control-plane metrics. A gap is a missing datapoint (NaN). No clock: times are arguments.
/// </summary>
internal sealed class DatapointRing(TimeSpan step, int capacity)
{
    private readonly List<double> _values = [];

    /// <summary>Spacing of the datapoints.</summary>
    public TimeSpan Step { get; } = step;

    /// <summary>The most datapoints kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>End of the oldest datapoint's period.</summary>
    public DateTimeOffset FirstEnd { get; private set; }

    /// <summary>Datapoints kept.</summary>
    public int Count => _values.Count;

    /// <summary>End of the newest datapoint's period; null when empty.</summary>
    public DateTimeOffset? LastEnd => _values.Count == 0 ? null : FirstEnd + (Step * (_values.Count - 1));

    /// <summary>Records the datapoint of the period ending at <paramref name="end"/> (a boundary); gaps become NaN.</summary>
    public void Record(DateTimeOffset end, double value)
    {
        if (Capacity == 0)
        {
            return;
        }

        if (_values.Count == 0)
        {
            FirstEnd = end;
            _values.Add(value);
            return;
        }

        var index = (int)Math.Round((end - FirstEnd) / Step);
        if (index < 0)
        {
            return;
        }

        if (index > _values.Count + Capacity)
        {
            _values.Clear();
            FirstEnd = end;
            _values.Add(value);
            return;
        }

        while (_values.Count <= index)
        {
            _values.Add(double.NaN);
        }

        _values[index] = value;
        if (_values.Count > Capacity)
        {
            var drop = _values.Count - Capacity;
            _values.RemoveRange(0, drop);
            FirstEnd += Step * drop;
        }
    }

    /// <summary>The <paramref name="count"/> datapoints ending at <paramref name="end"/>, NaN where none is kept.</summary>
    public double[] Range(DateTimeOffset end, int count)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var index = (int)Math.Round((end - (Step * (count - 1 - i)) - FirstEnd) / Step);
            result[i] = _values.Count > 0 && index >= 0 && index < _values.Count ? _values[index] : double.NaN;
        }

        return result;
    }

    /// <summary>Every datapoint kept, oldest first.</summary>
    public double[] ToArray() => [.. _values];

    /// <summary>Restores what <see cref="ToArray"/> and <see cref="FirstEnd"/> gave.</summary>
    public void Restore(DateTimeOffset firstEnd, double[] values)
    {
        _values.Clear();
        FirstEnd = firstEnd;
        _values.AddRange(values.Length > Capacity ? values[^Capacity..] : values);
        if (values.Length > Capacity)
        {
            FirstEnd += Step * (values.Length - Capacity);
        }
    }
}
