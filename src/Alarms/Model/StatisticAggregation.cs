using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Alarms.Model;

/// <summary>Which window aggregation computes a statistic in the cluster (the metric windows keep p50, p90, p95, p99).</summary>
public static class StatisticAggregation
{
    /// <summary>The aggregation for <paramref name="statistic"/>; false for a percentile the windows do not keep.</summary>
    public static bool TryMap(AlarmStatistic statistic, out Aggregation aggregation)
    {
        aggregation = statistic.Kind switch
        {
            StatisticKind.Sum => Aggregation.Sum,
            StatisticKind.Minimum => Aggregation.Min,
            StatisticKind.Maximum => Aggregation.Max,
            StatisticKind.SampleCount => Aggregation.Count,
            StatisticKind.Percentile => statistic.Percentile switch
            {
                50 => Aggregation.P50,
                90 => Aggregation.P90,
                95 => Aggregation.P95,
                99 => Aggregation.P99,
                _ => (Aggregation)(-1),
            },
            _ => Aggregation.Avg,
        };
        return (int)aggregation >= 0;
    }

    /// <summary>
    /// Combines hourly datapoints into one datapoint of a longer period: sums add, extremes take the extreme, averages and
    /// percentiles take the mean and the largest of the hours (an approximation: the hours' samples are not kept).
    /// NaN hours are skipped; NaN when all are.
    /// </summary>
    public static double Combine(AlarmStatistic statistic, ReadOnlySpan<double> hours)
    {
        double total = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var count = 0;
        foreach (var value in hours)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            total += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            count++;
        }

        return count == 0 ? double.NaN : statistic.Kind switch
        {
            StatisticKind.Sum or StatisticKind.SampleCount => total,
            StatisticKind.Minimum => min,
            StatisticKind.Maximum or StatisticKind.Percentile => max,
            _ => total / count,
        };
    }
}
