using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Safety;

/// <summary>KEDA's activation test for <see cref="ScaleToZero"/>.</summary>
public static class Activation
{
    /// <summary>
    /// True when any activation metric is above its threshold; false when all are at or below it; null when some metric
    /// has no data and none is above (unknown: neither activate nor scale to zero).
    /// </summary>
    public static bool? IsActive(ScaleToZero rule, IReadOnlyDictionary<string, MetricReading> metrics, out string detail)
    {
        var unknown = false;
        foreach (var (metric, threshold) in rule.ActivationThresholds)
        {
            if (!metrics.TryGetValue(metric, out var reading) || ReplicaCalculator.Aggregate(reading) is not { } value)
            {
                unknown = true;
                continue;
            }

            if (value > threshold)
            {
                detail = $"{metric} {Text.Number(value)} is above its activation threshold {Text.Number(threshold)}";
                return true;
            }
        }

        detail = unknown ? "activation metrics have no data" : "every activation metric is at or below its threshold";
        return unknown ? null : false;
    }
}
