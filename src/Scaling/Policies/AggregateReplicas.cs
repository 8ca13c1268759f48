using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Policies;

/// <summary>Kubernetes' replica math for one aggregate value (Object and External metrics) and AWS's average utilization.</summary>
public static class AggregateReplicas
{
    /// <summary>Value target on an aggregate (Kubernetes Object/External Value): ratio × ready instances; from zero, ceil(ratio).</summary>
    public static ReplicaEstimate Value(MetricReading reading, double usage, double target, double tolerance, int current, ExplanationWriter detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var ratio = usage / target;
        detail.Append($"value {usage:0.##} vs target {target:0.##} (ratio {ratio:0.00})");
        if (current == 0)
        {
            var fromZero = ReplicaCalculator.CeilingReplicas(ratio, 1);
            detail.Append($"; from zero -> {fromZero}");
            return new ReplicaEstimate(fromZero, usage, ratio);
        }

        if (Tolerance.IsWithin(ratio, tolerance))
        {
            detail.Append($"; within tolerance {tolerance:0.##} -> {current}");
            return new ReplicaEstimate(current, usage, ratio);
        }

        var ready = ReplicaCalculator.ReadyCount(reading) ?? current;
        var replicas = ReplicaCalculator.CeilingReplicas(ratio, ready);
        detail.Append($" over {ready} ready -> {replicas}");
        return new ReplicaEstimate(replicas, usage, ratio);
    }

    /// <summary>AverageValue on an aggregate (Kubernetes External AverageValue): one instance per target units.</summary>
    public static ReplicaEstimate AverageValue(double usage, double target, double tolerance, int current, ExplanationWriter detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (current == 0)
        {
            var fromZero = ReplicaCalculator.CeilingReplicas(usage / target, 1);
            detail.Append($"total {usage:0.##} at {target:0.##} per instance; from zero -> {fromZero}");
            return new ReplicaEstimate(fromZero, usage, null);
        }

        var perInstance = usage / current;
        var ratio = usage / (target * current);
        detail.Append($"total {usage:0.##} is {perInstance:0.##} per instance vs target {target:0.##} (ratio {ratio:0.00})");
        if (Tolerance.IsWithin(ratio, tolerance))
        {
            detail.Append($"; within tolerance {tolerance:0.##} -> {current}");
            return new ReplicaEstimate(current, perInstance, ratio);
        }

        var replicas = ReplicaCalculator.CeilingReplicas(usage / target, 1);
        detail.Append($" -> {replicas}");
        return new ReplicaEstimate(replicas, perInstance, ratio);
    }

    /// <summary>An aggregate utilization percent (AWS target tracking on an average): ceil(ratio × current).</summary>
    public static ReplicaEstimate Utilization(double usage, double target, double tolerance, int current, ExplanationWriter detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var ratio = usage / target;
        detail.Append($"utilization {usage:0.##}% vs target {target:0.##}% (ratio {ratio:0.00})");
        if (current == 0)
        {
            detail.Append("; no instance to scale from (Utilization cannot scale from zero)");
            return new ReplicaEstimate(null, usage, ratio);
        }

        if (Tolerance.IsWithin(ratio, tolerance))
        {
            detail.Append($"; within tolerance {tolerance:0.##} -> {current}");
            return new ReplicaEstimate(current, usage, ratio);
        }

        var replicas = ReplicaCalculator.CeilingReplicas(ratio, current);
        detail.Append($" -> {replicas}");
        return new ReplicaEstimate(replicas, usage, ratio);
    }
}
