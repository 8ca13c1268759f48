namespace Autoscaler.Scaling.Policies;

/// <summary>How a step policy reduces its metric's data points to one value (AWS <c>MetricAggregationType</c>).</summary>
public enum MetricAggregationType
{
    /// <summary>The mean.</summary>
    Average,

    /// <summary>The smallest.</summary>
    Minimum,

    /// <summary>The largest.</summary>
    Maximum,
}
