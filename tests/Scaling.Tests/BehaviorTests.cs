using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Kubernetes HPA behavior (docs "Configurable scaling behavior" and horizontal.go): stabilization windows over earlier
/// recommendations, rate limits from the period's start, selectPolicy, and the bounds.
/// </summary>
public sealed class BehaviorTests
{
    private static ScalingDecision Evaluate(int current, int desired, ScalingBehavior behavior, ScalingHistory? history, int min = 1, int max = 100)
    {
        var request = Build.Request(current, min, max, Build.Metrics(), history ?? ScalingHistory.Empty, new FixedPolicy("p", desired));
        // A null history here means "no history to speak of"; the first-sight rule has its own test.
        return ScalingEngine.Evaluate(request with { PolicySet = request.PolicySet with { Behavior = behavior } });
    }

    private static ScalingRules Rules(int window, SelectPolicy select, params RatePolicy[] policies) => new(window, select, policies);

    [Fact]
    public void Default_scale_up_allows_four_pods_or_double_per_15_seconds()
    {
        Assert.Equal(5, Evaluate(1, 10, ScalingBehavior.Default, null).Desired); // max(1 + 4, 2 * 1)
        Assert.Equal(20, Evaluate(10, 40, ScalingBehavior.Default, null).Desired); // max(10 + 4, 2 * 10)
        Assert.Equal(LimitReason.ScaleUpLimit, Evaluate(10, 40, ScalingBehavior.Default, null).LimitedBy);
    }

    [Fact]
    public void Docs_example_ten_percent_per_minute_rounds_the_change_up()
    {
        // Kubernetes docs: 80 replicas, Percent 10 / 60 s -> 72; then 10% of 72 = 7.2, 8 are removed -> 64.
        var down = Rules(0, SelectPolicy.Max, new RatePolicy(RatePolicyType.Pods, 4, 60), new RatePolicy(RatePolicyType.Percent, 10, 60));
        var behavior = new ScalingBehavior(ScalingRules.DefaultScaleUp, down);

        var first = Evaluate(80, 10, behavior, null);
        var second = Evaluate(72, 10, behavior, Build.Events((61, -8, "p")));

        Assert.Equal((72, LimitReason.ScaleDownLimit), (first.Desired, first.LimitedBy!.Value));
        Assert.Equal(64, second.Desired);
    }

    [Fact]
    public void Select_policy_min_takes_the_smallest_change()
    {
        var down = Rules(0, SelectPolicy.Min, new RatePolicy(RatePolicyType.Pods, 4, 60), new RatePolicy(RatePolicyType.Percent, 10, 60));

        Assert.Equal(76, Evaluate(80, 10, new ScalingBehavior(ScalingRules.DefaultScaleUp, down), null).Desired);
    }

    [Fact]
    public void Select_policy_disabled_stops_the_direction()
    {
        var behavior = new ScalingBehavior(Rules(0, SelectPolicy.Disabled), Build.NoStabilization.ScaleDown);

        var decision = Evaluate(5, 9, behavior, null);

        Assert.Equal((5, LimitReason.Disabled), (decision.Desired, decision.LimitedBy!.Value));
        Assert.Equal(3, Evaluate(5, 3, behavior, ScalingHistory.Empty).Desired);
    }

    [Fact]
    public void Period_start_subtracts_what_was_added_within_the_period()
    {
        // 5 added 10 s ago: the period started at 5, so Pods 4 allows 9 and Percent 100 allows 10.
        var up = Rules(0, SelectPolicy.Max, new RatePolicy(RatePolicyType.Pods, 4, 15), new RatePolicy(RatePolicyType.Percent, 100, 15));
        var behavior = new ScalingBehavior(up, Build.NoStabilization.ScaleDown);

        Assert.Equal(10, Evaluate(10, 30, behavior, Build.Events((10, 5, "p"))).Desired);
        Assert.Equal(20, Evaluate(10, 30, behavior, Build.Events((15, 5, "p"))).Desired); // exactly at the cutoff: outside
    }

    [Fact]
    public void A_limit_never_moves_past_current()
    {
        // 8 added within the period leave the limit (2 + 4 = 6) below current 10: hold at 10, not shrink.
        var up = Rules(0, SelectPolicy.Max, new RatePolicy(RatePolicyType.Pods, 4, 60));
        var behavior = new ScalingBehavior(up, Build.NoStabilization.ScaleDown);

        var decision = Evaluate(10, 30, behavior, Build.Events((30, 8, "p")));

        Assert.Equal((10, LimitReason.ScaleUpLimit), (decision.Desired, decision.LimitedBy!.Value));
    }

    [Fact]
    public void Percent_scale_up_rounds_up()
    {
        var up = Rules(0, SelectPolicy.Max, new RatePolicy(RatePolicyType.Percent, 10, 60));

        Assert.Equal(4, Evaluate(3, 30, new ScalingBehavior(up, Build.NoStabilization.ScaleDown), null).Desired); // ceil(3.3)
    }

    [Fact]
    public void Bounds_limit_after_the_rate()
    {
        Assert.Equal((10, LimitReason.TooManyReplicas), Pair(Evaluate(8, 50, Build.NoStabilization, null, max: 10)));
        Assert.Equal((2, LimitReason.TooFewReplicas), Pair(Evaluate(3, 0, Build.NoStabilization, ScalingHistory.Empty, min: 2)));
    }

    [Fact]
    public void Scale_down_window_keeps_the_highest_recent_recommendation()
    {
        var history = new ScalingHistory([new(Build.Ago(200), 5), new(Build.Ago(100), 3)], []);

        var decision = Evaluate(5, 2, ScalingBehavior.Default, history);

        Assert.Equal((5, 5, LimitReason.Stabilized), (decision.Desired, decision.Stabilized, decision.LimitedBy!.Value));
        Assert.Equal(2, decision.Recommendation);
    }

    [Fact]
    public void Recommendations_older_than_the_window_are_forgotten()
    {
        var history = new ScalingHistory([new(Build.Ago(300), 5), new(Build.Ago(100), 3)], []);

        Assert.Equal(3, Evaluate(5, 2, ScalingBehavior.Default, history).Desired);
    }

    [Fact]
    public void Scale_up_window_keeps_the_lowest_recent_recommendation()
    {
        var behavior = ScalingBehavior.Default with { ScaleUp = ScalingRules.DefaultScaleUp with { StabilizationWindowSeconds = 60 } };
        var history = new ScalingHistory([new(Build.Ago(30), 4)], []);

        var decision = Evaluate(3, 8, behavior, history);

        Assert.Equal((4, LimitReason.Stabilized), (decision.Desired, decision.LimitedBy!.Value));
    }

    [Fact]
    public void A_target_seen_for_the_first_time_counts_current_as_a_recommendation()
    {
        // Contract: history omitted -> current counts as a recommendation at now; an empty history does not.
        Assert.Equal(6, ScalingEngine.Evaluate(Build.Request(6, 1, 100, Build.Metrics(), null, new FixedPolicy("p", 2))).Desired);
        Assert.Equal(2, ScalingEngine.Evaluate(Build.Request(6, 1, 100, Build.Metrics(), ScalingHistory.Empty, new FixedPolicy("p", 2))).Desired);
    }

    [Fact]
    public void Next_history_keeps_the_recommendation_and_the_event()
    {
        var decision = Evaluate(4, 6, ScalingBehavior.Default, ScalingHistory.Empty);

        Assert.Equal([new TimestampedRecommendation(Build.Now, 6)], decision.NextHistory.Recommendations);
        Assert.Equal([new ScaleEvent(Build.Now, 2, "p")], decision.NextHistory.ScaleEvents);
        Assert.Empty(decision.HistoryIfNotApplied.ScaleEvents);
    }

    private static (int, LimitReason) Pair(ScalingDecision decision) => (decision.Desired, decision.LimitedBy!.Value);
}
