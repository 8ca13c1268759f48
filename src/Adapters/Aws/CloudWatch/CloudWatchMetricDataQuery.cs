namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// One entry of <c>MetricDataQueries</c>: either a <see cref="MetricStat"/> or an <see cref="Expression"/> (metric math,
/// <c>SEARCH(...)</c> or a Metrics Insights <c>SELECT</c>), never both.
/// </summary>
/// <param name="Id">Starts with a lower-case letter; letters, digits and underscores. Results carry it back.</param>
/// <param name="MetricStat">The metric to read, or null for an expression.</param>
/// <param name="Expression">The expression, or null for a metric.</param>
/// <param name="Period">Seconds per datapoint of an expression; null with <paramref name="MetricStat"/> (it has its own).</param>
/// <param name="Label">A name for the result series; CloudWatch picks one when null.</param>
/// <param name="ReturnData">False for an intermediate query that only feeds an expression.</param>
public sealed record CloudWatchMetricDataQuery(
    string Id,
    CloudWatchMetricStat? MetricStat = null,
    string? Expression = null,
    int? Period = null,
    string? Label = null,
    bool ReturnData = true)
{
    /// <summary>A query reading one metric.</summary>
    public static CloudWatchMetricDataQuery ForMetric(string id, CloudWatchMetricStat metricStat) => new(id, MetricStat: metricStat);

    /// <summary>A query evaluating an expression at <paramref name="period"/> seconds per datapoint.</summary>
    public static CloudWatchMetricDataQuery ForExpression(string id, string expression, int period) =>
        new(id, Expression: expression, Period: period);
}
