using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Tests;

/// <summary>The history handed to the next evaluation keeps exactly what a window, a period or a cooldown can still see.</summary>
public sealed class HistoryKeeperTests
{
    [Fact]
    public void Entries_older_than_every_window_period_and_cooldown_are_dropped()
    {
        var history = new ScalingHistory(
            [new(Build.Ago(301), 9), new(Build.Ago(299), 8)],
            [new(Build.Ago(601), 1, "steps"), new(Build.Ago(599), 2, "steps")]);
        var set = new PolicySet([new StepScalingPolicy("steps", "m", 1, AdjustmentType.ChangeInCapacity, [new StepAdjustment(0, null, 1)])
        {
            CooldownSeconds = 600,
        }]);

        var next = HistoryKeeper.Next(history, set, Build.Now, 5, -1, "steps", 0, null);

        Assert.Equal([new TimestampedRecommendation(Build.Ago(299), 8), new TimestampedRecommendation(Build.Now, 5)], next.Recommendations);
        Assert.Equal([new ScaleEvent(Build.Ago(599), 2, "steps"), new ScaleEvent(Build.Now, -1, "steps")], next.ScaleEvents);
    }

    [Fact]
    public void Without_stabilization_no_recommendation_is_kept()
    {
        var set = new PolicySet([]) { Behavior = Build.NoStabilization };

        var next = HistoryKeeper.Next(ScalingHistory.Empty, set, Build.Now, 5, 0, null, 2, Build.Ago(10));

        Assert.Empty(next.Recommendations);
        Assert.Empty(next.ScaleEvents);
        Assert.Equal((2, Build.Ago(10)), (next.EvaluationsWithoutData, next.LastActiveAt!.Value));
    }

    [Fact]
    public void Default_behavior_keeps_events_for_its_15_second_periods()
    {
        var history = new ScalingHistory([], [new(Build.Ago(16), 3, null), new(Build.Ago(14), 2, null)]);

        var next = HistoryKeeper.Next(history, new PolicySet([]) { Behavior = ScalingBehavior.Default }, Build.Now, 5, 0, null, 0, null);

        Assert.Equal([new ScaleEvent(Build.Ago(14), 2, null)], next.ScaleEvents);
    }
}
