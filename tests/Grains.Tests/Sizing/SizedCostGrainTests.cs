using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services;
using Orleans.Core.Internal;

namespace Autoscaler.Grains.Tests.Sizing;

/// <summary>
/// On the cluster with its fake clock: a target with a configured size is charged size × price × running time, a
/// resize through the size grain changes the price from that moment on (kept across a deactivation), and the
/// supervisor's budget sees the sized price. Prices: Fargate us-east-1, 1 vCPU / 2 GiB = 0.04937 per hour,
/// 2 vCPU / 4 GiB = 0.09874.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SizedCostGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_sized_target_is_charged_size_times_price_times_instances_times_hours_and_a_size_less_twin_its_unit_price()
    {
        var (sized, _) = await RegisterAsync(configured: true);
        var (unit, _) = await RegisterAsync(configured: false);

        fixture.Clock.Advance(TimeSpan.FromHours(4));

        var cost = (await sized.GetStatusAsync()).Cost;
        Assert.Equal(("size", 0.04937m), (cost.PricedBy, cost.UnitCostPerHour));
        Assert.Equal("configured", cost.Price?.Source);
        Assert.Equal(0.5924m, cost.Day); // 3 instances × 4 h × 0.04937 = 0.59244
        var twin = (await unit.GetStatusAsync()).Cost;
        Assert.Equal(("unit", 1.2m), (twin.PricedBy, twin.Day)); // 3 × 4 h × 0.10
    }

    [Fact]
    public async Task After_a_resize_through_the_size_grain_the_new_price_applies_from_that_moment_and_survives_reactivation()
    {
        var (grain, id) = await RegisterAsync(configured: true);
        fixture.Clock.Advance(TimeSpan.FromMinutes(90));

        var change = await fixture.Client.GetGrain<ITargetSizeGrain>(id).ChangeAsync(new SizeChangeRequest(2, 4, "user:ops", "right-size"));
        Assert.Equal(SizeChangeOutcome.Applied, change.Outcome);
        fixture.Clock.Advance(TimeSpan.FromMinutes(150));

        // 1.5 h at 0.04937 then 2.5 h at 0.09874, 3 instances: 0.222165 + 0.74055 = 0.962715
        var cost = (await grain.GetStatusAsync()).Cost;
        Assert.Equal((0.9627m, 0.09874m, "applied"), (cost.Day, cost.UnitCostPerHour, cost.Price?.Source));

        await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var reactivated = (await grain.GetStatusAsync()).Cost;
        Assert.Equal(cost, reactivated);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1.2589m, (await grain.GetStatusAsync()).Cost.Day); // + 3 × 1 h × 0.09874 = 1.258935
    }

    [Fact]
    public async Task A_size_the_target_could_not_take_is_reported_again_and_then_priced()
    {
        var (grain, id) = await RegisterAsync(configured: true);
        fixture.Pricing.Failing = id;
        var sizes = fixture.Client.GetGrain<ITargetSizeGrain>(id);

        var change = await sizes.ChangeAsync(new SizeChangeRequest(2, 4, "user:ops", "right-size"));

        Assert.Equal(SizeChangeOutcome.Applied, change.Outcome); // the platform took it; the price waits for the report
        Assert.Equal(("configured", 0.04937m), ((await grain.GetStatusAsync()).Cost.Price?.Source, (await grain.GetStatusAsync()).Cost.UnitCostPerHour));

        fixture.Pricing.Failing = null;
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        await sizes.GetAsync(); // as the reminder's tick does: the unreported size is reported

        // 30 min at 0.04937 before the report, the new price from the report on: 3 × 0.5 × 0.04937 = 0.074055 so far.
        var cost = (await grain.GetStatusAsync()).Cost;
        Assert.Equal((0.09874m, "applied", 0.0741m), (cost.UnitCostPerHour, cost.Price?.Source, cost.Day));
    }

    [Fact]
    public async Task The_supervisor_budget_sees_the_sized_price()
    {
        var scope = $"sized-{Guid.NewGuid():N}";
        var supervisor = fixture.Client.GetGrain<ISupervisorGrain>(scope);
        var registeredAt = AlignedNow();
        var hoursLeft = (decimal)(MonthEnd(registeredAt) - registeredAt).TotalHours;
        var sizedForecast = 3 * 0.04937m * hoursLeft;

        // A budget the sized forecast uses 80 % of: a warning. Priced at the unit price (0.10, twice as much) it would be critical.
        await supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MonthlyBudget: Math.Round(sizedForecast / 0.8m, 2)) });
        await RegisterAsync(configured: true, scope);

        var status = await supervisor.GetStatusAsync();
        var report = Assert.Single(status.Targets);
        Assert.Equal(0.04937m, report.UnitCostPerHour);
        Assert.InRange(report.ForecastMonthSpend, sizedForecast - 0.0002m, sizedForecast + 0.0002m); // rounded to 4 places
        Assert.Equal(BudgetStatus.Warning, status.Budget);

        var change = await fixture.Client.GetGrain<ITargetSizeGrain>(report.Target).ChangeAsync(new SizeChangeRequest(2, 4, "user:ops", "bigger"));
        Assert.Equal(SizeChangeOutcome.Applied, change.Outcome);
        status = await supervisor.GetStatusAsync();
        Assert.Equal(0.09874m, Assert.Single(status.Targets).UnitCostPerHour);
        Assert.Equal(BudgetStatus.Critical, status.Budget); // twice the price: 160 % of the budget
    }

    private async Task<(IServiceGrain Grain, string Id)> RegisterAsync(bool configured, string scope = "default")
    {
        var id = TargetBuilder.NewId();
        if (configured)
        {
            fixture.Pricing.Configure(id, 1, 2);
        }

        AlignedNow();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        // The simulated service runs the same 3 instances (the size change creates it; no drift to adopt).
        var binding = new ActuatorBinding("simulated", new Dictionary<string, string> { ["initialCapacity"] = "3" });
        await grain.ConfigureAsync(TargetBuilder.Simulated(id, min: 3, max: 3, initial: 3, scope: scope) with { Actuator = binding });
        return (grain, id);
    }

    // The figures are read from the day's bucket: a test starts early enough in the UTC day that its hours stay in it.
    private DateTimeOffset AlignedNow()
    {
        var now = fixture.Clock.GetUtcNow();
        if (now.TimeOfDay > TimeSpan.FromHours(18))
        {
            fixture.Clock.Advance(now.Date.AddDays(1).AddMinutes(5) - now.UtcDateTime);
        }

        return fixture.Clock.GetUtcNow();
    }

    private static DateTimeOffset MonthEnd(DateTimeOffset at) => new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
}
