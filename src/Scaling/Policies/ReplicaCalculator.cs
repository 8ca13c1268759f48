using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Kubernetes autoscaling/v2 replica math (pkg/controller/podautoscaler/replica_calculator.go), for one metric:
/// per-instance Utilization and AverageValue with missing and unready instances, aggregate Value and AverageValue
/// (Object/External metrics, scale from zero), and an aggregate utilization percent (the AWS target-tracking reading).
/// </summary>
public static class ReplicaCalculator
{
    /// <summary>Estimates replicas for <paramref name="reading"/> against <paramref name="target"/>; explains into <paramref name="detail"/>.</summary>
    public static ReplicaEstimate Estimate(MetricReading reading, MetricTarget target, double tolerance, int current, ExplanationWriter detail)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(detail);
        var perInstance = reading.Instances is { Count: > 0 } && target.Type != TargetType.Value;
        if (perInstance)
        {
            return PerInstance(reading.Instances!, target, tolerance, current, detail);
        }

        if (Aggregate(reading) is not { } usage)
        {
            detail.Append("no sample");
            return new ReplicaEstimate(null, null, null);
        }

        return target.Type switch
        {
            TargetType.Value => AggregateReplicas.Value(reading, usage, target.Value, tolerance, current, detail),
            TargetType.AverageValue => AggregateReplicas.AverageValue(usage, target.Value, tolerance, current, detail),
            _ => AggregateReplicas.Utilization(usage, target.Value, tolerance, current, detail),
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

    private static ReplicaEstimate PerInstance(
        IReadOnlyList<InstanceSample> instances, MetricTarget target, double tolerance, int current, ExplanationWriter detail)
    {
        var utilization = target.Type == TargetType.Utilization;
        var readyCount = 0;
        var readySum = 0.0;
        var readyRequests = 0.0;
        var missingCount = 0;
        var unreadyCount = 0;
        var missingRequests = 0.0;
        var unreadyRequests = 0.0;
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            if (utilization && instance.Request is not > 0)
            {
                detail.Append($"instance {instance.Id} has no request, needed for Utilization");
                return new ReplicaEstimate(null, null, null);
            }

            var request = instance.Request ?? 0;
            if (instance.Value is not { } value)
            {
                missingCount++;
                missingRequests += request;
            }
            else if (!instance.Ready)
            {
                unreadyCount++;
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
            detail.Append("no ready instance has a sample");
            return new ReplicaEstimate(null, null, null);
        }

        var usage = Usage(utilization, readySum, readyRequests, readyCount);
        var ratio = usage / target.Value;
        if (utilization)
        {
            detail.Append($"utilization {usage:0.##}% of request vs target {target.Value:0.##}% (ratio {ratio:0.00})");
        }
        else
        {
            detail.Append($"average {usage:0.##} per instance vs target {target.Value:0.##} (ratio {ratio:0.00})");
        }

        var scaleUpWithUnready = unreadyCount > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missingCount == 0)
        {
            if (Tolerance.IsWithin(ratio, tolerance))
            {
                detail.Append($"; within tolerance {tolerance:0.##} -> {current}");
                return new ReplicaEstimate(current, usage, ratio);
            }

            var replicas = CeilingReplicas(ratio, readyCount);
            detail.Append($" -> {replicas}");
            return new ReplicaEstimate(replicas, usage, ratio);
        }

        // Kubernetes assumes the worst for the direction it is about to move in: missing instances use the most on a
        // scale-down and nothing on a scale-up, and unready ones nothing on a scale-up (they will soon take load).
        var sum = readySum;
        var requests = readyRequests;
        var count = readyCount;
        var noted = false;
        if (missingCount > 0)
        {
            var scaleDown = ratio < 1.0;
            var scaleUp = utilization ? ratio > 1.0 : !scaleDown;
            if (scaleDown)
            {
                var fallback = utilization ? Math.Max(100.0, target.Value) : target.Value;
                sum += utilization ? missingRequests * fallback / 100.0 : fallback * missingCount;
                WriteIds(detail, instances, missing: true, missingCount, "has", "have");
                if (utilization)
                {
                    detail.Append($" no sample, counted as {fallback:0.##}% of request for scale-down");
                }
                else
                {
                    detail.Append($" no sample, counted at the target {fallback:0.##} for scale-down");
                }

                noted = true;
            }
            else if (scaleUp)
            {
                WriteIds(detail, instances, missing: true, missingCount, "has", "have");
                detail.Append(" no sample, counted as 0 for scale-up");
                noted = true;
            }

            if (scaleDown || scaleUp)
            {
                requests += missingRequests;
                count += missingCount;
            }
        }

        if (scaleUpWithUnready)
        {
            requests += unreadyRequests;
            count += unreadyCount;
            WriteIds(detail, instances, missing: false, unreadyCount, "is", "are");
            detail.Append(" not ready, counted as 0 for scale-up");
            noted = true;
        }

        var newUsage = Usage(utilization, sum, requests, count);
        var newRatio = newUsage / target.Value;
        if (noted)
        {
            detail.Append($" -> {newUsage:0.##}");
            detail.Append(utilization ? "%" : " per instance");
            detail.Append($", ratio {newRatio:0.00}");
        }

        if (Tolerance.IsWithin(newRatio, tolerance))
        {
            detail.Append($"; within tolerance -> {current}");
            return new ReplicaEstimate(current, usage, ratio);
        }

        if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0))
        {
            detail.Append($"; direction flips -> {current}");
            return new ReplicaEstimate(current, usage, ratio);
        }

        var newReplicas = CeilingReplicas(newRatio, count);
        if ((newRatio < 1.0 && newReplicas > current) || (newRatio > 1.0 && newReplicas < current))
        {
            detail.Append($"; {newReplicas} would move against the ratio -> {current}");
            return new ReplicaEstimate(current, usage, ratio);
        }

        detail.Append($" -> {newReplicas}");
        return new ReplicaEstimate(newReplicas, usage, ratio);
    }

    /// <summary>"; task-3, task-4 have": the ids of the missing (or unready) instances, five at most, and the verb.</summary>
    private static void WriteIds(
        ExplanationWriter detail, IReadOnlyList<InstanceSample> instances, bool missing, int count, string singular, string plural)
    {
        const int Limit = 5;
        detail.Append("; ");
        var shown = 0;
        for (var i = 0; i < instances.Count && shown < Limit; i++)
        {
            var instance = instances[i];
            var matches = missing ? instance.Value is null : instance.Value is not null && !instance.Ready;
            if (matches)
            {
                detail.Append(shown++ == 0 ? string.Empty : ", ");
                detail.Append(instance.Id);
            }
        }

        if (count > Limit)
        {
            detail.Append($" and {count - Limit} more");
        }

        detail.Append(" ");
        detail.Append(count == 1 ? singular : plural);
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
}
