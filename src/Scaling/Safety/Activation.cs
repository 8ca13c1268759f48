using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Safety;

/// <summary>KEDA's activation test for <see cref="ScaleToZero"/>.</summary>
public static class Activation
{
    /// <summary>
    /// Active when any activation metric is above its threshold; inactive when all are at or below it; unknown (null)
    /// when some metric has no data and none is above (neither activate nor scale to zero).
    /// </summary>
    public static ActivationState Check(ScaleToZero rule, IReadOnlyDictionary<string, MetricReading> metrics)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(metrics);
        var unknown = false;

        // Readers build a Dictionary: enumerate it as one (a struct enumerator) so activation checks allocate nothing.
        var thresholds = rule.ActivationThresholds as Dictionary<string, double> ?? new Dictionary<string, double>(rule.ActivationThresholds);
        foreach (var (metric, threshold) in thresholds)
        {
            if (!metrics.TryGetValue(metric, out var reading) || ReplicaCalculator.Aggregate(reading) is not { } value)
            {
                unknown = true;
                continue;
            }

            if (value > threshold)
            {
                return new ActivationState(true, metric, value, threshold);
            }
        }

        return new ActivationState(unknown ? null : false, null, 0, 0);
    }
}
