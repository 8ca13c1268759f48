namespace Autoscaler.Scaling.Metrics;

/// <summary>
/// Read-only access to a target's metrics over time, for policies that need more than the latest reading (window
/// aggregations, scheduled and predictive policies). Offline, <see cref="SampleMetricQuery"/> answers from the input's
/// <c>samples</c>; in the silo, grains answer from their metric windows.
/// </summary>
public interface IMetricQuery
{
    /// <summary>
    /// Aggregates the samples of <paramref name="metric"/> taken in (<paramref name="now"/> - <paramref name="window"/>,
    /// <paramref name="now"/>]. An unknown metric or an empty window gives <see cref="WindowAggregate.Empty"/>.
    /// </summary>
    public WindowAggregate Aggregate(string metric, Aggregation aggregation, TimeSpan window, DateTimeOffset now);

    /// <summary>
    /// The metric's history up to <paramref name="now"/> as a regular series, each point the mean over one
    /// <paramref name="step"/>; a source that keeps a fixed resolution may answer with its own step (check
    /// <see cref="HistorySeries.Step"/>). Null when the metric has no history.
    /// </summary>
    public HistorySeries? Series(string metric, TimeSpan step, DateTimeOffset now);
}
