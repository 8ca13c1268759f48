namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Kubernetes autoscaling/v2 replica math (pkg/controller/podautoscaler/replica_calculator.go), for one metric:
/// per-instance Utilization and AverageValue with missing and unready instances, aggregate Value and AverageValue
/// (Object/External metrics, scale from zero), and an aggregate utilization percent (the AWS target-tracking reading).
/// </summary>
public static class ReplicaCalculator
{
    /// <summary>Estimates replicas for <paramref name="reading"/> against <paramref name="target"/>.</summary>
    public static ReplicaEstimate Estimate(MetricReading reading, MetricTarget target, double tolerance, int current)
    {
        var perInstance = reading.Instances is { Count: > 0 } && target.Type != TargetType.Value;
        if (perInstance)
        {
            return PerInstance(reading.Instances!, target, tolerance, current);
        }

        if (Aggregate(reading) is not { } usage)
        {
            return new ReplicaEstimate(null, null, null, "no sample");
        }

        return target.Type switch
        {
            TargetType.Value => AggregateReplicas.Value(reading, usage, target.Value, tolerance, current),
            TargetType.AverageValue => AggregateReplicas.AverageValue(usage, target.Value, tolerance, current),
            _ => AggregateReplicas.Utilization(usage, target.Value, tolerance, current),
        };
    }

    /// <summary>The aggregate a reading stands for: its value, else the sum of instance samples, else its latest sample.</summary>
    public static double? Aggregate(MetricReading reading)
    {
        if (reading.Value is { } value)
        {
            return value;
        }

        if (reading.Instances is { Count: > 0 } instances)
        {
            double? sum = null;
            for (var i = 0; i < instances.Count; i++)
            {
                if (instances[i].Value is { } sample)
                {
                    sum = (sum ?? 0) + sample;
                }
            }

            return sum;
        }

        return reading.Samples is { Count: > 0 } samples ? samples[^1].Value : null;
    }

    private static ReplicaEstimate PerInstance(IReadOnlyList<InstanceSample> instances, MetricTarget target, double tolerance, int current)
    {
        var utilization = target.Type == TargetType.Utilization;
        var readyCount = 0;
        var readySum = 0.0;
        var readyRequests = 0.0;
        List<string>? missing = null;
        List<string>? unready = null;
        var missingRequests = 0.0;
        var unreadyRequests = 0.0;
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            if (utilization && instance.Request is not > 0)
            {
                return new ReplicaEstimate(null, null, null, $"instance {instance.Id} has no request, needed for Utilization");
            }

            var request = instance.Request ?? 0;
            if (instance.Value is not { } value)
            {
                (missing ??= []).Add(instance.Id);
                missingRequests += request;
            }
            else if (!instance.Ready)
            {
                (unready ??= []).Add(instance.Id);
                unreadyRequests += request;
            }
            else
            {
                readyCount++;
                readySum += value;
                readyRequests += request;
            }
        }

        if (readyCount == 0)
        {
            return new ReplicaEstimate(null, null, null, "no ready instance has a sample");
        }

        var usage = Usage(utilization, readySum, readyRequests, readyCount);
        var ratio = usage / target.Value;
        var measured = utilization
            ? $"utilization {Text.Number(usage)}% of request vs target {Text.Number(target.Value)}% (ratio {Text.Ratio(ratio)})"
            : $"average {Text.Number(usage)} per instance vs target {Text.Number(target.Value)} (ratio {Text.Ratio(ratio)})";
        var scaleUpWithUnready = unready is not null && ratio > 1.0;
        if (!scaleUpWithUnready && missing is null)
        {
            if (Tolerance.IsWithin(ratio, tolerance))
            {
                return new ReplicaEstimate(current, usage, ratio, $"{measured}; within tolerance {Text.Number(tolerance)} -> {current}");
            }

            var replicas = CeilingReplicas(ratio, readyCount);
            return new ReplicaEstimate(replicas, usage, ratio, $"{measured} -> {replicas}");
        }

        // Kubernetes assumes the worst for the direction it is about to move in: missing instances use the most on a
        // scale-down and nothing on a scale-up, and unready ones nothing on a scale-up (they will soon take load).
        var sum = readySum;
        var requests = readyRequests;
        var count = readyCount;
        var notes = new List<string>(2);
        if (missing is not null)
        {
            var scaleDown = ratio < 1.0;
            var scaleUp = utilization ? ratio > 1.0 : !scaleDown;
            if (scaleDown)
            {
                var fallback = utilization ? Math.Max(100.0, target.Value) : target.Value;
                sum += utilization ? missingRequests * fallback / 100.0 : fallback * missing.Count;
                notes.Add(utilization
                    ? $"{Text.Ids(missing)} {Verb(missing, "has", "have")} no sample, counted as {Text.Number(fallback)}% of request for scale-down"
                    : $"{Text.Ids(missing)} {Verb(missing, "has", "have")} no sample, counted at the target {Text.Number(fallback)} for scale-down");
            }
            else if (scaleUp)
            {
                notes.Add($"{Text.Ids(missing)} {Verb(missing, "has", "have")} no sample, counted as 0 for scale-up");
            }

            if (scaleDown || scaleUp)
            {
                requests += missingRequests;
                count += missing.Count;
            }
        }

        if (scaleUpWithUnready)
        {
            requests += unreadyRequests;
            count += unready!.Count;
            notes.Add($"{Text.Ids(unready)} {Verb(unready, "is", "are")} not ready, counted as 0 for scale-up");
        }

        var newUsage = Usage(utilization, sum, requests, count);
        var newRatio = newUsage / target.Value;
        var recomputed = utilization
            ? $"{Text.Number(newUsage)}%, ratio {Text.Ratio(newRatio)}"
            : $"{Text.Number(newUsage)} per instance, ratio {Text.Ratio(newRatio)}";
        var prefix = notes.Count == 0 ? measured : $"{measured}; {string.Join("; ", notes)} -> {recomputed}";
        if (Tolerance.IsWithin(newRatio, tolerance))
        {
            return new ReplicaEstimate(current, usage, ratio, $"{prefix}; within tolerance -> {current}");
        }

        if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0))
        {
            return new ReplicaEstimate(current, usage, ratio, $"{prefix}; direction flips -> {current}");
        }

        var newReplicas = CeilingReplicas(newRatio, count);
        if ((newRatio < 1.0 && newReplicas > current) || (newRatio > 1.0 && newReplicas < current))
        {
            return new ReplicaEstimate(current, usage, ratio, $"{prefix}; {newReplicas} would move against the ratio -> {current}");
        }

        return new ReplicaEstimate(newReplicas, usage, ratio, $"{prefix} -> {newReplicas}");
    }

    private static double Usage(bool utilization, double sum, double requests, int count) =>
        utilization
            // Kubernetes truncates utilization to a whole percent (int64 arithmetic); the epsilon undoes binary
            // fractions such as 0.57 * 100 = 56.99999999999999.
            ? Math.Floor((sum * 100.0 / requests) + 1e-9)
            : sum / count;

    internal static int CeilingReplicas(double ratio, int count)
    {
        var replicas = Math.Ceiling(ratio * count);
        return replicas >= int.MaxValue ? int.MaxValue : replicas <= 0 || double.IsNaN(replicas) ? 0 : (int)replicas;
    }

    internal static int? ReadyCount(MetricReading reading)
    {
        if (reading.Instances is not { Count: > 0 } instances)
        {
            return null;
        }

        var ready = 0;
        for (var i = 0; i < instances.Count; i++)
        {
            if (instances[i].Ready)
            {
                ready++;
            }
        }

        return ready;
    }

    private static string Verb(List<string> ids, string singular, string plural) => ids.Count == 1 ? singular : plural;
}
