namespace Autoscaler.Scaling.Policies;

/// <summary>What a target-tracking target measures (Kubernetes autoscaling/v2 <c>MetricTargetType</c>).</summary>
public enum TargetType
{
    /// <summary>Percent of each instance's <c>request</c>, averaged over instances.</summary>
    Utilization,

    /// <summary>Per-instance average; on an aggregate value, one instance per <c>value</c> units.</summary>
    AverageValue,

    /// <summary>The aggregate against the target.</summary>
    Value,
}
