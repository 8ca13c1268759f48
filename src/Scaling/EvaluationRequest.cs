using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling;

/// <summary>One evaluation of one target (the contract's <c>evaluate</c> input).</summary>
/// <param name="Now">The evaluation's time; the engine reads no clock.</param>
/// <param name="Target">Current capacity and bounds.</param>
/// <param name="Metrics">Latest readings by metric name.</param>
/// <param name="PolicySet">Policies, behavior and safety settings.</param>
public sealed record EvaluationRequest(
    DateTimeOffset Now,
    ScaleTarget Target,
    IReadOnlyDictionary<string, MetricReading> Metrics,
    PolicySet PolicySet)
{
    /// <summary>Recent recommendations and events; null for a target seen for the first time.</summary>
    public ScalingHistory? History { get; init; }

    /// <summary>Window aggregations and series; null to answer from <see cref="Metrics"/>' samples.</summary>
    public IMetricQuery? Query { get; init; }
}
