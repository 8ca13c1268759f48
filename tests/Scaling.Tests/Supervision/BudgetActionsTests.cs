using Autoscaler.Scaling.Supervision.Budget;

namespace Autoscaler.Scaling.Tests.Supervision;

/// <summary>Budget thresholds as the seed asks ("monthly_budget $5000, threshold 80: notify, reduce max capacity"):
/// each once per period, reductions never below min, restored at the next period.</summary>
public sealed class BudgetActionsTests
{
    private static readonly BudgetThreshold Notify80 = new(80, BudgetActionKind.Notify);
    private static readonly BudgetThreshold Reduce95 = new(95, BudgetActionKind.ReduceMaxCapacity, Step: 2);
    private static readonly IReadOnlyList<BudgetThreshold> Seed = [Notify80, Reduce95];

    // The engine reads no clock: time is an argument, stepped here by hand.
    private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3_999, new string[0])]
    [InlineData(4_000, new[] { "80:Notify" })] // exactly 80 % reaches it
    [InlineData(4_800, new[] { "80:Notify", "95:ReduceMaxCapacity" })]
    public void Thresholds_reached_by_the_forecast_fire_in_order(decimal forecast, string[] expected)
    {
        var plan = BudgetActions.Plan(_now, 5_000m, forecast, Seed, null, new HashSet<string>(), Targets());

        Assert.Equal(expected, plan.Reached.Select(t => t.Key));
        Assert.Equal(expected, plan.Fired.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_reduction_lowers_every_max_by_the_step_but_never_below_min_and_remembers_the_original()
    {
        var plan = BudgetActions.Plan(_now, 5_000m, 4_800m, Seed, null, new HashSet<string>(), Targets());

        Assert.Equal([("web", 10, 8, (int?)10), ("db", 3, 2, 3)], plan.Changes.Select(c => (c.Target, c.From, c.To, c.OriginalMax)));
        Assert.Contains("budget 95 % reached", plan.Changes[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Changes, c => c.Target == "pinned"); // min == max: nothing to lower
    }

    [Fact]
    public void A_threshold_fires_once_per_period_however_often_it_is_evaluated()
    {
        var first = BudgetActions.Plan(_now, 5_000m, 4_800m, Seed, null, new HashSet<string>(), Targets());
        _now += TimeSpan.FromHours(6);

        var again = BudgetActions.Plan(_now, 5_000m, 4_900m, Seed, first.PeriodStart, first.Fired, Targets(reduced: true));

        Assert.True(again.IsEmpty);
        Assert.Equal(first.Fired, again.Fired);
    }

    [Fact]
    public void The_next_period_restores_reduced_maxima_and_arms_the_thresholds_again()
    {
        var december = BudgetActions.Plan(_now, 5_000m, 4_800m, Seed, null, new HashSet<string>(), Targets());
        _now = new DateTimeOffset(2027, 1, 1, 0, 5, 0, TimeSpan.Zero);

        var january = BudgetActions.Plan(_now, 5_000m, 100m, Seed, december.PeriodStart, december.Fired, Targets(reduced: true));

        Assert.Equal([("web", 8, 10, (int?)null), ("db", 2, 3, null)], january.Changes.Select(c => (c.Target, c.From, c.To, c.OriginalMax)));
        Assert.Empty(january.Reached);
        Assert.Empty(january.Fired);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), january.PeriodStart);
    }

    [Fact]
    public void Without_a_budget_nothing_fires_and_invalid_thresholds_are_ignored()
    {
        var none = BudgetActions.Plan(_now, null, 9_999m, Seed, null, new HashSet<string>(), Targets());
        var zeroStep = BudgetActions.Plan(_now, 5_000m, 4_800m, [new BudgetThreshold(50, BudgetActionKind.ReduceMaxCapacity, 0)], null, new HashSet<string>(), Targets());

        Assert.True(none.IsEmpty);
        Assert.Null(none.PercentOfBudget);
        Assert.True(zeroStep.IsEmpty);
        Assert.NotNull(new BudgetThreshold(50, BudgetActionKind.ReduceMaxCapacity, 0).Problem());
    }

    private static List<BudgetTargetLimit> Targets(bool reduced = false) => reduced
        ? [new("web", 2, 8, 10), new("db", 2, 2, 3), new("pinned", 4, 4)]
        : [new("web", 2, 10), new("db", 2, 3), new("pinned", 4, 4)];
}
