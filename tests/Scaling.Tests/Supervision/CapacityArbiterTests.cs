using Autoscaler.Scaling.Supervision;
using CsCheck;

namespace Autoscaler.Scaling.Tests.Supervision;

public sealed class CapacityArbiterTests
{
    private static readonly ClusterUsage Idle = new(TotalCapacity: 10, ForecastMonthSpend: 0m, HoursLeftInMonth: 100);

    [Fact]
    public void Scale_in_is_always_approved_even_over_every_limit()
    {
        var limits = new ClusterLimits(MaxTotalCapacity: 5, MonthlyBudget: 1m);
        var grant = CapacityArbiter.Decide(new CapacityRequest("a", 8, 3, 0, 1m), Idle with { TotalCapacity = 50 }, limits, []);

        Assert.Equal(3, grant.Granted);
        Assert.Null(grant.LimitedBy);
    }

    [Fact]
    public void Scale_out_is_trimmed_to_the_headroom_under_the_total_capacity_cap()
    {
        var grant = CapacityArbiter.Decide(new CapacityRequest("a", 4, 9, 0, 0m), Idle, new ClusterLimits(MaxTotalCapacity: 12), []);

        Assert.Equal(6, grant.Granted);
        Assert.Equal("TotalCapacity", grant.LimitedBy);
    }

    [Fact]
    public void Headroom_waiting_for_a_higher_priority_target_is_not_given_to_a_lower_one()
    {
        var waiting = new[] { new CapacityRequest("critical", 2, 4, Priority: 10, 0m) };
        var grant = CapacityArbiter.Decide(new CapacityRequest("batch", 4, 6, Priority: 1, 0m), Idle, new ClusterLimits(MaxTotalCapacity: 12), waiting);

        Assert.Equal(4, grant.Granted);
        Assert.Equal("Priority", grant.LimitedBy);
    }

    [Fact]
    public void At_the_critical_budget_level_scale_out_is_capped_at_current()
    {
        var limits = new ClusterLimits(MonthlyBudget: 5000m, WarningPercent: 75, CriticalPercent: 90);
        var grant = CapacityArbiter.Decide(new CapacityRequest("a", 3, 5, 0, 0.1m), Idle with { ForecastMonthSpend = 4600m }, limits, []);

        Assert.Equal(3, grant.Granted);
        Assert.Equal("Budget", grant.LimitedBy);
        Assert.Equal(BudgetLevel.Critical, grant.Budget);
    }

    [Fact]
    public void Below_critical_an_increase_is_trimmed_to_what_keeps_the_forecast_under_the_critical_level()
    {
        // Seed 000: monthly budget $5000. Critical at 90% = 4500; forecast 4000 leaves 500; each unit costs 1 × 100 h = 100.
        var limits = new ClusterLimits(MonthlyBudget: 5000m);
        var grant = CapacityArbiter.Decide(new CapacityRequest("a", 3, 20, 0, 1m), Idle with { ForecastMonthSpend = 4000m }, limits, []);

        Assert.Equal(8, grant.Granted);
        Assert.Equal(BudgetLevel.Warning, grant.Budget);
    }

    [Fact]
    public void Property_any_sequence_of_requests_from_an_empty_cluster_never_exceeds_the_total_cap()
    {
        var requests = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 20], Gen.Int[0, 3]).Array[1, 40];
        Gen.Select(Gen.Int[0, 40], requests).Sample((cap, sequence) =>
        {
            var current = new int[6];
            var total = 0;
            foreach (var (target, requested, priority) in sequence)
            {
                var usage = new ClusterUsage(total, 0m, 100);
                var grant = CapacityArbiter.Decide(
                    new CapacityRequest($"t{target}", current[target], requested, priority, 0m), usage, new ClusterLimits(MaxTotalCapacity: cap), []);
                total += grant.Granted - current[target];
                current[target] = grant.Granted;
                if (total > cap)
                {
                    return false;
                }
            }

            return true;
        });
    }
}
