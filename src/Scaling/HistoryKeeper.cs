using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling;

/// <summary>
/// Builds the history the next evaluation needs, dropping what no window, period or cooldown can see. Recommendations
/// are kept once per value: a stabilization window asks only for the lowest (scale-up) or highest (scale-down)
/// recommendation made after its start, and an older recommendation of a value the history also holds later can never
/// be the answer alone (every window that reaches the older one reaches the newer), so only the newest of each value is
/// kept. The engine decides exactly as with every recommendation kept, and a target's memory stays at most one entry
/// per distinct recommended capacity in its longest window (and never more than <see cref="MaxRecommendations"/>),
/// however often it is evaluated.
/// </summary>
public static class HistoryKeeper
{
    /// <summary>Most recommendations kept; past it the oldest go first (only with more distinct values than this in a window).</summary>
    public const int MaxRecommendations = 512;

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

        var recommendations = KeepRecommendations(history.Recommendations, now.AddSeconds(-windowSeconds), windowSeconds > 0 ? recommendation : null);
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

    // The recommendations after the cutoff, the newest of each value only (none of the value about to be added, which is
    // newer still), in their order; at most MaxRecommendations - 1, the oldest dropped first.
    private static List<TimestampedRecommendation> KeepRecommendations(
        IReadOnlyList<TimestampedRecommendation> earlier, DateTimeOffset cutoff, int? added)
    {
        var kept = new List<TimestampedRecommendation>(Math.Min(earlier.Count + 1, MaxRecommendations));
        for (var i = 0; i < earlier.Count; i++)
        {
            var candidate = earlier[i];
            if (candidate.At <= cutoff || candidate.Replicas == added || NewerOfSameValue(earlier, i))
            {
                continue;
            }

            kept.Add(candidate);
        }

        if (kept.Count >= MaxRecommendations)
        {
            kept.Sort(static (a, b) => a.At.CompareTo(b.At));
            kept.RemoveRange(0, kept.Count - (MaxRecommendations - 1));
        }

        return kept;
    }

    // True when another entry holds the same value and is newer (or as new and later in the list).
    private static bool NewerOfSameValue(IReadOnlyList<TimestampedRecommendation> earlier, int index)
    {
        var candidate = earlier[index];
        for (var j = 0; j < earlier.Count; j++)
        {
            var other = earlier[j];
            if (j != index && other.Replicas == candidate.Replicas && (other.At > candidate.At || (other.At == candidate.At && j > index)))
            {
                return true;
            }
        }

        return false;
    }
}
