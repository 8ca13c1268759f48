using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// AWS Application Auto Scaling step scaling: StepAdjustment API reference (bounds relative to a breach threshold of 50),
/// the user guide's rounding rules for PercentChangeInCapacity, and its cooldown rules.
/// </summary>
public sealed class StepScalingPolicyTests
{
    private static StepScalingPolicy Policy(AdjustmentType type, params StepAdjustment[] steps) =>
        new("steps", "m", 50, type, steps);

    private static PolicyProposal Propose(StepScalingPolicy policy, double value, int current, ScalingHistory? history = null) =>
        policy.Propose(Build.Context(current, Build.Metrics(("m", MetricReading.Aggregate(value))), history));

    public static TheoryData<double, int?> BoundsAroundThreshold50 => new()
    {
        // StepAdjustment reference: [0, 10) above the threshold is 50 <= m < 60; (-10, 0] below is 40 < m <= 50.
        { 50, 1 },
        { 59.99, 1 },
        { 60, 2 },
        { 49.99, -1 },
        { 40.01, -1 },
        { 40, -2 },
        { 30, -2 },
    };

    [Theory]
    [MemberData(nameof(BoundsAroundThreshold50))]
    public void Bounds_are_inclusive_toward_the_threshold(double metric, int? expectedChange)
    {
        var policy = Policy(
            AdjustmentType.ChangeInCapacity,
            new StepAdjustment(null, -10, -2),
            new StepAdjustment(-10, 0, -1),
            new StepAdjustment(0, 10, 1),
            new StepAdjustment(10, null, 2));

        var proposal = Propose(policy, metric, 10);

        Assert.Equal(10 + expectedChange, proposal.Desired);
    }

    public static TheoryData<int, int, int> PercentRounding => new()
    {
        // current, percent, expected change. User guide: 12.7 -> 12, 0.x -> 1, -0.x -> -1, -6.67 -> -6.
        { 127, 10, 12 },
        { 3, 10, 1 },
        { 3, 50, 1 },
        { 3, -10, -1 },
        { 20, -33, -6 },
        { 10, 100, 10 },
    };

    [Theory]
    [MemberData(nameof(PercentRounding))]
    public void Percent_change_truncates_toward_zero_and_never_rounds_to_nothing(int current, int percent, int change)
    {
        var step = percent > 0 ? new StepAdjustment(0, null, percent) : new StepAdjustment(null, 0, percent);
        var policy = Policy(AdjustmentType.PercentChangeInCapacity, step);

        var proposal = Propose(policy, percent > 0 ? 70 : 30, current);

        Assert.Equal(current + change, proposal.Desired);
    }

    [Fact]
    public void Min_adjustment_magnitude_raises_a_small_percent_change()
    {
        var policy = Policy(AdjustmentType.PercentChangeInCapacity, new StepAdjustment(0, null, 10)) with { MinAdjustmentMagnitude = 3 };

        Assert.Equal(13, Propose(policy, 70, 10).Desired);
        Assert.Equal(44, Propose(policy, 70, 40).Desired); // 10% of 40 = 4, above the minimum
    }

    [Fact]
    public void Exact_capacity_sets_the_capacity()
    {
        var policy = Policy(AdjustmentType.ExactCapacity, new StepAdjustment(null, 0, 2), new StepAdjustment(0, null, 8));

        Assert.Equal(8, Propose(policy, 75, 3).Desired);
        Assert.Equal(2, Propose(policy, 10, 3).Desired);
    }

    [Fact]
    public void A_value_that_matches_no_step_casts_no_vote()
    {
        var policy = Policy(AdjustmentType.ChangeInCapacity, new StepAdjustment(0, null, 1));

        var proposal = Propose(policy, 20, 4);

        Assert.Equal((ProposalStatus.NoMatchingStep, (int?)null), (proposal.Status, proposal.Desired));
    }

    [Fact]
    public void Missing_metric_is_no_data()
    {
        var policy = Policy(AdjustmentType.ChangeInCapacity, new StepAdjustment(0, null, 1));

        var proposal = policy.Propose(Build.Context(4, Build.Metrics()));

        Assert.Equal(ProposalStatus.NoData, proposal.Status);
    }

    [Theory]
    [InlineData(60, 2, 3, 5)] // user guide: 2 added in the cooldown count toward a +3 step: only 1 more
    [InlineData(60, 3, 3, 4)] // the earlier scale-out already covers it: stay
    [InlineData(400, 2, 3, 7)] // outside the cooldown nothing is deducted
    public void Capacity_added_during_the_scale_out_cooldown_counts_toward_the_next(double secondsAgo, int added, int step, int expected)
    {
        var policy = Policy(AdjustmentType.ChangeInCapacity, new StepAdjustment(0, null, step)) with { CooldownSeconds = 300 };
        var history = Build.Events((secondsAgo, added, "steps"));

        var proposal = Propose(policy, 70, 4, history);

        Assert.Equal(expected, proposal.Desired);
    }

    [Fact]
    public void Capacity_added_by_another_policy_does_not_count()
    {
        var policy = Policy(AdjustmentType.ChangeInCapacity, new StepAdjustment(0, null, 3));

        var proposal = Propose(policy, 70, 4, Build.Events((60, 2, "other")));

        Assert.Equal(7, proposal.Desired);
    }

    [Fact]
    public void Scale_in_is_blocked_while_the_policy_cooldown_runs()
    {
        var policy = Policy(AdjustmentType.ChangeInCapacity, new StepAdjustment(null, 0, -1)) with { CooldownSeconds = 300 };

        var blocked = Propose(policy, 30, 5, Build.Events((100, -1, "steps")));
        var free = Propose(policy, 30, 5, Build.Events((301, -1, "steps")));

        Assert.Equal((ProposalStatus.BlockedByCooldown, (int?)5), (blocked.Status, blocked.Desired));
        Assert.Equal((ProposalStatus.Vote, (int?)4), (free.Status, free.Desired));
    }

    [Theory]
    [InlineData(MetricAggregationType.Average, 4)] // mean 55 -> [0, 10)
    [InlineData(MetricAggregationType.Maximum, 5)] // 80 -> [10, inf)
    [InlineData(MetricAggregationType.Minimum, 2)] // 30 -> below
    public void Metric_aggregation_type_reduces_the_samples_of_the_period(MetricAggregationType aggregation, int expected)
    {
        var policy = Policy(
            AdjustmentType.ExactCapacity,
            new StepAdjustment(null, 0, 2),
            new StepAdjustment(0, 10, 4),
            new StepAdjustment(10, null, 5)) with { MetricAggregationType = aggregation, PeriodSeconds = 60 };
        var samples = new MetricPoint[]
        {
            new(Build.Ago(300), 1000), // outside the 60 s period
            new(Build.Ago(50), 30),
            new(Build.Ago(30), 55),
            new(Build.Ago(10), 80),
        };
        var metrics = Build.Metrics(("m", new MetricReading(null, null, samples)));

        var proposal = policy.Propose(Build.Context(3, metrics));

        Assert.Equal(expected, proposal.Desired);
    }

    [Theory]
    [InlineData(MetricAggregationType.Average, 4)]
    [InlineData(MetricAggregationType.Maximum, 5)]
    [InlineData(MetricAggregationType.Minimum, 2)]
    public void Metric_aggregation_type_reduces_instances(MetricAggregationType aggregation, int expected)
    {
        var policy = Policy(
            AdjustmentType.ExactCapacity,
            new StepAdjustment(null, 0, 2),
            new StepAdjustment(0, 10, 4),
            new StepAdjustment(10, null, 5)) with { MetricAggregationType = aggregation };
        var metrics = Build.Metrics(("m", Build.Pods([30, 55, 80, null])));

        Assert.Equal(expected, policy.Propose(Build.Context(3, metrics)).Desired);
    }
}
