using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Behavior;

/// <summary>
/// Kubernetes' rate limits and bounds (horizontal.go convertDesiredReplicasWithBehaviorRate): per policy the limit is
/// counted from the capacity at the period's start (current - added + removed within the period); Percent up rounds up,
/// down truncates; selectPolicy picks the largest (Max) or smallest (Min) change; a limit never moves past current.
/// </summary>
public static class RateLimiter
{
    /// <summary>Limits <paramref name="stabilized"/> relative to <paramref name="current"/>.</summary>
    public static RateLimit Apply(int stabilized, int current, int min, int max, ScalingBehavior behavior, IReadOnlyList<ScaleEvent> events, DateTimeOffset now)
    {
        if (stabilized > current)
        {
            var limit = Math.Max(ScaleUpLimit(current, behavior.ScaleUp, events, now), current);
            var disabled = behavior.ScaleUp.SelectPolicy == SelectPolicy.Disabled;
            var (allowed, reason) = max > limit
                ? (limit, disabled ? LimitReason.Disabled : LimitReason.ScaleUpLimit)
                : (max, LimitReason.TooManyReplicas);
            return stabilized > allowed ? new RateLimit(allowed, limit, reason) : new RateLimit(stabilized, limit, null);
        }

        if (stabilized < current)
        {
            var limit = Math.Min(ScaleDownLimit(current, behavior.ScaleDown, events, now), current);
            var disabled = behavior.ScaleDown.SelectPolicy == SelectPolicy.Disabled;
            var (allowed, reason) = min < limit
                ? (limit, disabled ? LimitReason.Disabled : LimitReason.ScaleDownLimit)
                : (min, LimitReason.TooFewReplicas);
            return stabilized < allowed ? new RateLimit(allowed, limit, reason) : new RateLimit(stabilized, limit, null);
        }

        return new RateLimit(stabilized, null, null);
    }

    /// <summary>The most capacity the scale-up rules allow now.</summary>
    public static int ScaleUpLimit(int current, ScalingRules rules, IReadOnlyList<ScaleEvent> events, DateTimeOffset now)
    {
        if (rules.SelectPolicy == SelectPolicy.Disabled)
        {
            return current;
        }

        var useMin = rules.SelectPolicy == SelectPolicy.Min;
        long result = useMin ? long.MaxValue : long.MinValue;
        for (var i = 0; i < rules.Policies.Count; i++)
        {
            var policy = rules.Policies[i];
            var start = PeriodStart(current, policy.PeriodSeconds, events, now);
            long proposed = policy.Type == RatePolicyType.Pods
                ? start + policy.Value
                : (long)Math.Ceiling(start * (1 + (policy.Value / 100.0)));
            result = useMin ? Math.Min(result, proposed) : Math.Max(result, proposed);
        }

        return (int)Math.Clamp(result, int.MinValue, int.MaxValue);
    }

    /// <summary>The least capacity the scale-down rules allow now.</summary>
    public static int ScaleDownLimit(int current, ScalingRules rules, IReadOnlyList<ScaleEvent> events, DateTimeOffset now)
    {
        if (rules.SelectPolicy == SelectPolicy.Disabled)
        {
            return current;
        }

        var useMin = rules.SelectPolicy == SelectPolicy.Min;
        long result = useMin ? long.MinValue : long.MaxValue;
        for (var i = 0; i < rules.Policies.Count; i++)
        {
            var policy = rules.Policies[i];
            var start = PeriodStart(current, policy.PeriodSeconds, events, now);
            long proposed = policy.Type == RatePolicyType.Pods
                ? start - policy.Value
                : (long)(start * (1 - (policy.Value / 100.0)));
            result = useMin ? Math.Max(result, proposed) : Math.Min(result, proposed);
        }

        return (int)Math.Clamp(result, int.MinValue, int.MaxValue);
    }

    /// <summary>Capacity at the start of a period: current - added + removed by events strictly after its start.</summary>
    public static long PeriodStart(int current, int periodSeconds, IReadOnlyList<ScaleEvent> events, DateTimeOffset now)
    {
        var cutoff = now.AddSeconds(-periodSeconds);
        long start = current;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].At > cutoff)
            {
                start -= events[i].Change;
            }
        }

        return start;
    }
}
