namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// Scores a running-capacity timeline over [from, to): capacity-hours, peak and lowest capacity, and in demand mode how
/// capacity met demand. Demand and capacity are both held between their change points, so integrating exactly over
/// those points equals any finer grid (the contract's 60-second one included).
/// </summary>
public static class CapacityScorer
{
    // ceil(D / perInstance) with a little slack, so 3000 / 1000 stays 3 despite binary fractions.
    private const double CeilingSlack = 1e-9;

    /// <summary>Capacity-hours, peak and lowest of <paramref name="capacity"/> over the window.</summary>
    public static (double Hours, int Peak, int Lowest) Capacity(IReadOnlyList<CapacityPoint> capacity, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var hours = 0.0;
        var peak = int.MinValue;
        var lowest = int.MaxValue;
        for (var i = 0; i < capacity.Count; i++)
        {
            var start = capacity[i].At > from ? capacity[i].At : from;
            var end = i + 1 < capacity.Count && capacity[i + 1].At < to ? capacity[i + 1].At : to;
            if (end <= start)
            {
                continue;
            }

            hours += capacity[i].Capacity * Math.Max(0, (end - start).TotalHours);
            peak = Math.Max(peak, capacity[i].Capacity);
            lowest = Math.Min(lowest, capacity[i].Capacity);
        }

        return peak == int.MinValue ? (0, 0, 0) : (hours, peak, lowest);
    }

    /// <summary>How <paramref name="capacity"/> met the trace's demand over [from, to).</summary>
    public static DemandScore Demand(
        IReadOnlyList<TraceEntry> trace, IReadOnlyList<DemandMetric> metrics, IReadOnlyList<CapacityPoint> capacity, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(capacity);
        var entry = LastAtOrBefore(trace, from, e => e.At);
        var point = LastAtOrBefore(capacity, from, p => p.At);
        double under = 0, oracle = 0;
        var shortfall = 0;
        for (var t = from; t < to;)
        {
            var next = to;
            if (entry + 1 < trace.Count && trace[entry + 1].At < next)
            {
                next = trace[entry + 1].At;
            }

            if (point + 1 < capacity.Count && capacity[point + 1].At < next)
            {
                next = capacity[point + 1].At;
            }

            var seconds = (next - t).TotalSeconds;
            var running = point >= 0 ? capacity[point].Capacity : 0;
            var need = 0;
            var isShort = false;
            var demand = entry >= 0 ? trace[entry].Demand : null;
            for (var m = 0; demand is not null && m < metrics.Count; m++)
            {
                if (!demand.TryGetValue(metrics[m].Name, out var total))
                {
                    continue;
                }

                var needed = (int)Math.Ceiling((total / metrics[m].PerInstance) - CeilingSlack);
                need = Math.Max(need, needed);
                isShort |= total > running * metrics[m].PerInstance;
                shortfall = Math.Max(shortfall, needed - running);
            }

            oracle += need * seconds / 3600;
            under += isShort ? seconds : 0;
            t = next;
            while (entry + 1 < trace.Count && trace[entry + 1].At <= t)
            {
                entry++;
            }

            while (point + 1 < capacity.Count && capacity[point + 1].At <= t)
            {
                point++;
            }
        }

        return new DemandScore(under, shortfall, oracle, Math.Max(0, (to - from).TotalSeconds));
    }

    private static int LastAtOrBefore<T>(IReadOnlyList<T> items, DateTimeOffset at, Func<T, DateTimeOffset> time)
    {
        int low = 0, high = items.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (time(items[middle]) <= at)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
