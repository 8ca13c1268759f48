namespace Autoscaler.Scaling.Policies;

/// <summary>Kubernetes' replica math for one aggregate value (Object and External metrics) and AWS's average utilization.</summary>
public static class AggregateReplicas
{
    /// <summary>Value target on an aggregate (Kubernetes Object/External Value): ratio × ready instances; from zero, ceil(ratio).</summary>
    public static ReplicaEstimate Value(MetricReading reading, double usage, double target, double tolerance, int current)
    {
        var ratio = usage / target;
        var measured = $"value {Text.Number(usage)} vs target {Text.Number(target)} (ratio {Text.Ratio(ratio)})";
        if (current == 0)
        {
            var fromZero = ReplicaCalculator.CeilingReplicas(ratio, 1);
            return new ReplicaEstimate(fromZero, usage, ratio, $"{measured}; from zero -> {fromZero}");
        }

        if (Tolerance.IsWithin(ratio, tolerance))
        {
            return new ReplicaEstimate(current, usage, ratio, $"{measured}; within tolerance {Text.Number(tolerance)} -> {current}");
        }

        var ready = ReplicaCalculator.ReadyCount(reading) ?? current;
        var replicas = ReplicaCalculator.CeilingReplicas(ratio, ready);
        return new ReplicaEstimate(replicas, usage, ratio, $"{measured} over {ready} ready -> {replicas}");
    }

    /// <summary>AverageValue on an aggregate (Kubernetes External AverageValue): one instance per target units.</summary>
    public static ReplicaEstimate AverageValue(double usage, double target, double tolerance, int current)
    {
        if (current == 0)
        {
            var fromZero = ReplicaCalculator.CeilingReplicas(usage / target, 1);
            return new ReplicaEstimate(
                fromZero, usage, null, $"total {Text.Number(usage)} at {Text.Number(target)} per instance; from zero -> {fromZero}");
        }

        var perInstance = usage / current;
        var ratio = usage / (target * current);
        var measured = $"total {Text.Number(usage)} is {Text.Number(perInstance)} per instance vs target {Text.Number(target)} (ratio {Text.Ratio(ratio)})";
        if (Tolerance.IsWithin(ratio, tolerance))
        {
            return new ReplicaEstimate(current, perInstance, ratio, $"{measured}; within tolerance {Text.Number(tolerance)} -> {current}");
        }

        var replicas = ReplicaCalculator.CeilingReplicas(usage / target, 1);
        return new ReplicaEstimate(replicas, perInstance, ratio, $"{measured} -> {replicas}");
    }

    /// <summary>An aggregate utilization percent (AWS target tracking on an average): ceil(ratio × current).</summary>
    public static ReplicaEstimate Utilization(double usage, double target, double tolerance, int current)
    {
        var ratio = usage / target;
        var measured = $"utilization {Text.Number(usage)}% vs target {Text.Number(target)}% (ratio {Text.Ratio(ratio)})";
        if (current == 0)
        {
            return new ReplicaEstimate(null, usage, ratio, $"{measured}; no instance to scale from (Utilization cannot scale from zero)");
        }

        if (Tolerance.IsWithin(ratio, tolerance))
        {
            return new ReplicaEstimate(current, usage, ratio, $"{measured}; within tolerance {Text.Number(tolerance)} -> {current}");
        }

        var replicas = ReplicaCalculator.CeilingReplicas(ratio, current);
        return new ReplicaEstimate(replicas, usage, ratio, $"{measured} -> {replicas}");
    }
}
