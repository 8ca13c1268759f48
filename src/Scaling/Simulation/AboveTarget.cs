using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Simulation;

/// <summary>The summary's "time above target": per policy with a target level, seconds its metric was above it.</summary>
internal sealed class AboveTarget
{
    private readonly PolicySet _set;
    private readonly Dictionary<string, double> _seconds = new(StringComparer.Ordinal);

    public AboveTarget(PolicySet set)
    {
        _set = set;
        foreach (var policy in set.Policies)
        {
            if (policy.TargetLevel is not null)
            {
                _seconds[policy.Name] = 0;
            }
        }
    }

    public IReadOnlyDictionary<string, double> Seconds => _seconds;

    public void Count(in ScalingEvaluation evaluation, IReadOnlyDictionary<string, MetricReading> metrics, int running, double seconds)
    {
        var proposals = evaluation.Proposals;
        for (var i = 0; i < _set.Policies.Count && i < proposals.Length; i++)
        {
            var policy = _set.Policies[i];
            if (policy.TargetLevel is not { } level)
            {
                continue;
            }

            // A total load per instance is judged on the capacity actually running, which lags decisions by the
            // actuation delay; everything else on the metric value the policy compared.
            var value = policy is TargetTrackingPolicy { Target.Type: TargetType.AverageValue } tracking
                && metrics.TryGetValue(tracking.Metric, out var reading) && reading.Instances is null
                && ReplicaCalculator.Aggregate(reading) is { } total
                    ? (running > 0 ? total / running : total > 0 ? double.PositiveInfinity : 0)
                    : proposals[i].MetricValue;
            if (value > level)
            {
                _seconds[policy.Name] += seconds;
            }
        }
    }
}
