using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Behavior;

/// <summary>
/// Kubernetes' stabilization windows (horizontal.go stabilizeRecommendationWithBehaviors): scale up only to the lowest
/// recommendation within the scale-up window, down only to the highest within the scale-down window. A recommendation
/// counts when it was made strictly after the window's start.
/// </summary>
public static class Stabilizer
{
    /// <summary>The stabilized recommendation.</summary>
    public static int Stabilize(int recommendation, int current, ScalingBehavior behavior, IReadOnlyList<TimestampedRecommendation> history, DateTimeOffset now)
    {
        var upCutoff = now.AddSeconds(-behavior.ScaleUp.StabilizationWindowSeconds);
        var downCutoff = now.AddSeconds(-behavior.ScaleDown.StabilizationWindowSeconds);
        var up = recommendation;
        var down = recommendation;
        for (var i = 0; i < history.Count; i++)
        {
            var earlier = history[i];
            if (earlier.At > upCutoff)
            {
                up = Math.Min(up, earlier.Replicas);
            }

            if (earlier.At > downCutoff)
            {
                down = Math.Max(down, earlier.Replicas);
            }
        }

        var stabilized = current;
        if (stabilized < up)
        {
            stabilized = up;
        }

        if (stabilized > down)
        {
            stabilized = down;
        }

        return stabilized;
    }

    /// <summary>
    /// Writes the recommendations the window of the direction of <paramref name="recommendation"/> holds, oldest first,
    /// this one last, as "[5, 6, 7]" (for the explanation).
    /// </summary>
    public static void DescribeWindow(
        ExplanationWriter line, int recommendation, int current, ScalingBehavior behavior, IReadOnlyList<TimestampedRecommendation> history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(behavior);
        ArgumentNullException.ThrowIfNull(history);
        var seconds = recommendation >= current
            ? behavior.ScaleUp.StabilizationWindowSeconds
            : behavior.ScaleDown.StabilizationWindowSeconds;
        var cutoff = now.AddSeconds(-seconds);
        line.Append("[");
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].At > cutoff)
            {
                line.AppendValue(history[i].Replicas);
                line.Append(", ");
            }
        }

        line.Append($"{recommendation}]");
    }
}
