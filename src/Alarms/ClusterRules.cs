using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms;

/// <summary>
/// What an alarm must also satisfy to run in the cluster (the offline commands do not need it): statistics the metric
/// windows keep, ranges the windows cover, periods the hourly collection can build, a target for target metrics.
/// </summary>
public static class ClusterRules
{
    /// <summary>The metric windows' length: shorter periods read their whole range from them.</summary>
    public const int WindowSeconds = 3600;

    /// <summary>Every problem of <paramref name="alarm"/> for the cluster, each naming its field.</summary>
    public static IReadOnlyList<ValidationError> Check(AlarmDefinition alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var errors = new List<ValidationError>();
        if (alarm.Metric is not { } metric)
        {
            return errors;
        }

        if (!StatisticAggregation.TryMap(metric.Statistic, out _))
        {
            errors.Add(new ValidationError("statistic", $"{metric.Statistic.Name} is not available in the cluster: the metric windows keep p50, p90, p95 and p99"));
        }

        if (metric.PeriodSeconds < WindowSeconds && metric.PeriodSeconds * metric.Rule.EvaluationPeriods > WindowSeconds)
        {
            errors.Add(new ValidationError("evaluationPeriods",
                $"evaluationPeriods × periodSeconds must be at most {WindowSeconds} s for periods under an hour (the metric windows' length), not {metric.PeriodSeconds * metric.Rule.EvaluationPeriods} s"));
        }

        if (metric.PeriodSeconds > WindowSeconds && metric.PeriodSeconds % WindowSeconds != 0)
        {
            errors.Add(new ValidationError("periodSeconds", $"periods over an hour are built from hourly datapoints: use a multiple of 3600, not {metric.PeriodSeconds}"));
        }

        if (alarm.Target is null && !ControlPlaneMetrics.IsClusterWide(metric.Metric))
        {
            errors.Add(new ValidationError("target", $"is required to watch {metric.Metric}"));
        }

        if (ControlPlaneMetrics.IsControlPlane(metric.Metric) && !ControlPlaneMetrics.All.Contains(metric.Metric))
        {
            errors.Add(new ValidationError("metric", $"unknown control-plane metric {metric.Metric} (known: {string.Join(", ", ControlPlaneMetrics.All)})"));
        }

        return errors;
    }

    /// <summary>Periods in the evaluation range in the cluster: N + 2, within the windows for periods under an hour.</summary>
    public static int RangeLength(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var n = metric.Rule.EvaluationPeriods;
        var room = metric.PeriodSeconds < WindowSeconds ? WindowSeconds / metric.PeriodSeconds : 86_400 / metric.PeriodSeconds;
        return Math.Max(n, Math.Min(n + 2, room));
    }
}
