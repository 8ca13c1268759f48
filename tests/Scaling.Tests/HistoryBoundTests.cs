using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Model;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Issue 13, defect 8: the recommendations a target keeps for its stabilization windows stay bounded however often it
/// is evaluated (a flood of telemetry made one target keep 4,513 of them), and keeping fewer changes no decision.
/// </summary>
public sealed class HistoryBoundTests
{
    private static readonly ScalingBehavior Windows = new(
        new ScalingRules(60, SelectPolicy.Max, [new RatePolicy(RatePolicyType.Percent, 100, 15)]),
        new ScalingRules(300, SelectPolicy.Max, [new RatePolicy(RatePolicyType.Percent, 100, 15)]));

    [Fact]
    public void A_hundred_evaluations_a_second_keep_one_recommendation_per_value_not_one_per_evaluation()
    {
        var set = new PolicySet([]) { Behavior = Windows };
        var history = ScalingHistory.Empty;
        var now = Build.Now;

        // Five minutes at 100 evaluations per second, the load swinging between 4 and 9 replicas.
        for (var i = 0; i < 30_000; i++)
        {
            now = now.AddMilliseconds(10);
            history = HistoryKeeper.Next(history, set, now, 4 + (i / 7 % 6), 0, null, 0, null);
        }

        Assert.InRange(history.Recommendations.Count, 1, 6);
        Assert.Equal(history.Recommendations.Count, history.Recommendations.Select(r => r.Replicas).Distinct().Count());
    }

    [Fact]
    public void Keeping_the_newest_recommendation_of_each_value_stabilizes_exactly_as_keeping_all_of_them()
    {
        var steps = Gen.Select(Gen.Int[0, 12], Gen.Int[1, 40]).Array[1, 80];
        Gen.Select(Gen.Int[0, 120], Gen.Int[0, 300], steps).Sample((upWindow, downWindow, sequence) =>
        {
            var behavior = new ScalingBehavior(
                new ScalingRules(upWindow, SelectPolicy.Max, [new RatePolicy(RatePolicyType.Percent, 1000, 15)]),
                new ScalingRules(downWindow, SelectPolicy.Max, [new RatePolicy(RatePolicyType.Percent, 1000, 15)]));
            var set = new PolicySet([]) { Behavior = behavior };
            var kept = ScalingHistory.Empty;
            var all = new List<TimestampedRecommendation>();
            var now = Build.Now;
            foreach (var (recommendation, seconds) in sequence)
            {
                now = now.AddSeconds(seconds);
                for (var current = 0; current <= 12; current += 3)
                {
                    Assert.Equal(
                        Stabilizer.Stabilize(recommendation, current, behavior, all, now),
                        Stabilizer.Stabilize(recommendation, current, behavior, kept.Recommendations, now));
                }

                kept = HistoryKeeper.Next(kept, set, now, recommendation, 0, null, 0, null);
                all.Add(new TimestampedRecommendation(now, recommendation));
            }
        }, iter: 2000);
    }
}
