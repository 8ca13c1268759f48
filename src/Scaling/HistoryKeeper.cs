using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling;

/// <summary>Builds the history the next evaluation needs, dropping what no window, period or cooldown can see.</summary>
public static class HistoryKeeper
{
    /// <summary>
    /// <paramref name="history"/> plus this evaluation's recommendation and, when <paramref name="change"/> is not 0, a
    /// scale event at <paramref name="now"/> attributed to <paramref name="drivenBy"/>.
    /// </summary>
    public static ScalingHistory Next(
        ScalingHistory history,
        PolicySet policySet,
        DateTimeOffset now,
        int recommendation,
        int change,
        string? drivenBy,
        int evaluationsWithoutData,
        DateTimeOffset? lastActiveAt)
    {
        var windowSeconds = policySet.Behavior.LongestWindowSeconds;
        var eventSeconds = policySet.Behavior.LongestPeriodSeconds;
        for (var i = 0; i < policySet.Policies.Count; i++)
        {
            eventSeconds = Math.Max(eventSeconds, policySet.Policies[i].EventRetentionSeconds);
        }

        var recommendations = new List<TimestampedRecommendation>(history.Recommendations.Count + 1);
        var recommendationCutoff = now.AddSeconds(-windowSeconds);
        for (var i = 0; i < history.Recommendations.Count; i++)
        {
            if (history.Recommendations[i].At > recommendationCutoff)
            {
                recommendations.Add(history.Recommendations[i]);
            }
        }

        if (windowSeconds > 0)
        {
            recommendations.Add(new TimestampedRecommendation(now, recommendation));
        }

        var events = new List<ScaleEvent>(history.ScaleEvents.Count + 1);
        var eventCutoff = now.AddSeconds(-eventSeconds);
        for (var i = 0; i < history.ScaleEvents.Count; i++)
        {
            if (history.ScaleEvents[i].At > eventCutoff)
            {
                events.Add(history.ScaleEvents[i]);
            }
        }

        if (change != 0)
        {
            events.Add(new ScaleEvent(now, change, drivenBy));
        }

        return new ScalingHistory(recommendations, events)
        {
            EvaluationsWithoutData = evaluationsWithoutData,
            LastActiveAt = lastActiveAt,
        };
    }
}
