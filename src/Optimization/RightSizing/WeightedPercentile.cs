namespace Autoscaler.Optimization.RightSizing;

/// <summary>Percentiles of weighted values (VPA's decaying histogram without the buckets: exact, and small enough here).</summary>
public static class WeightedPercentile
{
    /// <summary>
    /// The smallest value v such that the values ≤ v carry at least <paramref name="percentile"/> % of the total weight;
    /// 0 for no values.
    /// </summary>
    public static double Of(IReadOnlyList<(double Value, double Weight)> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Where(v => v.Weight > 0).OrderBy(v => v.Value).ToList();
        var total = sorted.Sum(v => v.Weight);
        var wanted = total * Math.Clamp(percentile, 0, 100) / 100;
        var running = 0.0;
        foreach (var (value, weight) in sorted)
        {
            running += weight;
            if (running >= wanted - (total * 1e-12))
            {
                return value;
            }
        }

        return sorted.Count > 0 ? sorted[^1].Value : 0;
    }

    /// <summary>Weight of a sample <paramref name="ageDays"/> old when weight halves every <paramref name="halfLifeDays"/>.</summary>
    public static double Decay(double ageDays, double halfLifeDays) => Math.Pow(2, -Math.Max(0, ageDays) / halfLifeDays);
}
