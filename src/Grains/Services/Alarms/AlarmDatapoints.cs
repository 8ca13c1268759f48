using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Grains.Services.Alarms;

/// <summary>An alarm's datapoints from a target's metric windows: one statistic per period, oldest first, NaN for a
/// period without samples. Resolution is the windows' bucket (one minute): a shorter period reads the bucket it ends in.</summary>
internal static class AlarmDatapoints
{
    public static double[] Read(IMetricQuery windows, AlarmDatapointQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!AlarmStatistic.TryParse(query.Statistic, out var statistic) || !StatisticAggregation.TryMap(statistic, out var aggregation))
        {
            throw new ArgumentException($"statistic: {query.Statistic} is not available from the metric windows");
        }

        if (query.Count is < 1 or > 1_000 || query.PeriodSeconds < 1)
        {
            throw new ArgumentException("count: must be between 1 and 1000 periods of at least one second");
        }

        var period = TimeSpan.FromSeconds(query.PeriodSeconds);
        var values = new double[query.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var aggregate = windows.Aggregate(query.Metric, aggregation, period, query.End - (period * (values.Length - 1 - i)));
            values[i] = aggregate.HasData ? aggregate.Value : double.NaN;
        }

        return values;
    }
}
