using Autoscaler.Adapters.Aws.CloudWatch;

namespace Autoscaler.Adapters.Sources.CloudWatch;

/// <summary>Turns a validated cloudWatch source's options into its one <c>GetMetricData</c> query.</summary>
internal static class CloudWatchQueries
{
    /// <summary>The id of the query; results are matched to it.</summary>
    public const string Id = "autoscaler";

    public static CloudWatchMetricDataQuery From(MetricSourceOptions source)
    {
        if (!string.IsNullOrWhiteSpace(source.Query))
        {
            return CloudWatchMetricDataQuery.ForExpression(Id, source.Query, source.PeriodSeconds);
        }

        if (!CloudWatchStatistic.TryNormalize(source.Statistic, out var statistic)
            || !CloudWatchDimensionParser.TryParse(source.Dimensions, out var dimensions, out _))
        {
            throw new InvalidOperationException($"cloudWatch source {source.Key} was not validated (Statistic or Dimensions).");
        }

        var metric = new CloudWatchMetric(source.Namespace!.Trim(), source.MetricName!.Trim(), dimensions);
        return CloudWatchMetricDataQuery.ForMetric(Id, new CloudWatchMetricStat(metric, source.PeriodSeconds, statistic));
    }
}
