using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Status;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services.Decisions;

namespace Autoscaler.Grains.Tests.Services;

/// <summary>
/// The live cost of a target priced by its size, without a cluster: the harness's target runs 2 instances from
/// 2026-03-02 10:00 with a unit price of 0.10; sizes are priced by the optimiser's Fargate us-east-1 model
/// (1 vCPU / 2 GiB = 0.04937 per hour, 2 vCPU / 4 GiB = 0.09874). Every figure is computed by hand in its comment.
/// </summary>
public sealed class TargetPricingTests
{
    private readonly ProtocolHarness _harness = new();
    private readonly ModelPricedInstances _pricing = new();

    private DateTimeOffset Start => new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_size_less_target_keeps_its_unit_price()
    {
        Load();
        var cost = CostAt(Start.AddHours(1));

        Assert.Equal(("unit", 0.1m, (InstancePrice?)null), (cost.PricedBy, cost.UnitCostPerHour, cost.Price));
        Assert.Equal(0.2m, cost.Day); // 2 instances × 1 h × 0.10
    }

    [Theory]
    [InlineData(0, 0.04937, 0.1975)] // 2 × 2 h × 0.04937 = 0.19748
    [InlineData(0.5, 0.0320905, 0.1284)] // half on Spot: 0.04937 × (1 − 0.5 × 0.7) = 0.0320905; 2 × 2 h × that = 0.128362
    [InlineData(1, 0.014811, 0.0592)] // all on Spot: 0.04937 × 0.3 = 0.014811; × 4 instance-hours = 0.059244
    public void A_configured_size_is_priced_by_the_price_model_with_its_spot_share(double spotShare, double hourly, double twoHours)
    {
        _pricing.Configure("svc", 1, 2, spotShare);
        Load();
        var cost = CostAt(Start.AddHours(2));

        Assert.Equal(("size", (decimal)hourly), (cost.PricedBy, cost.UnitCostPerHour));
        Assert.Equal(new InstancePrice(1, 2, (decimal)hourly, "configured", spotShare), cost.Price);
        Assert.Equal((decimal)twoHours, cost.Day);
    }

    [Fact]
    public async Task A_size_changed_mid_hour_charges_each_part_of_the_hour_at_the_price_in_effect_then()
    {
        _pricing.Configure("svc", 1, 2);
        var pricing = Load();

        await pricing.SizeAppliedAsync(Applied(2, 4, Start.AddMinutes(20)), Start.AddMinutes(20));

        // 10:00–10:20 at 0.04937, 10:20–11:00 at 0.09874: 2 × (1/3) × 0.04937 + 2 × (2/3) × 0.09874 = 0.0329133 + 0.1316533
        // (at 11:00 the day holds exactly that hour)
        var hour = CostAt(Start.AddHours(1));
        Assert.Equal(0.1646m, hour.Day);
        Assert.Equal(new InstancePrice(2, 4, 0.09874m, "applied", 0), hour.Price);

        // Then 11:00–11:30 at 0.09874: 2 × 0.5 × 0.09874 = 0.09874 in the new hour; the day holds both: 0.2633067.
        var later = CostAt(Start.AddMinutes(90));
        Assert.Equal((0.0987m, 0.2633m), (later.Hour, later.Day));
    }

    [Fact]
    public async Task The_new_size_is_kept_in_state_and_the_supervisor_hears_the_new_instance_price()
    {
        _pricing.Configure("svc", 1, 2);
        var pricing = Load();

        await pricing.SizeAppliedAsync(Applied(2, 4, Start.AddMinutes(30)), Start.AddMinutes(30));

        Assert.Equal(Applied(2, 4, Start.AddMinutes(30)), _harness.Store.LastWritten?.AppliedSize);
        var report = _harness.Supervisor.Reports[^1];
        Assert.Equal(0.09874m, report.UnitCostPerHour);

        // The month-end forecast: 30 min at 0.04937 so far, then 2 × 0.09874 until 2026-04-01 00:00 (709.5 h):
        // 2 × 0.5 × 0.04937 + 2 × 709.5 × 0.09874 = 0.04937 + 140.11206 = 140.16143
        Assert.Equal(140.1614m, report.ForecastMonthSpend);
    }

    [Fact]
    public async Task A_failed_state_write_leaves_the_old_price_and_cost_and_the_repeated_report_applies_it()
    {
        _pricing.Configure("svc", 1, 2);
        var pricing = Load();
        _harness.Store.FailNextWrite = new InvalidOperationException("storage down");

        await Assert.ThrowsAsync<InvalidOperationException>(() => pricing.SizeAppliedAsync(Applied(2, 4, Start.AddMinutes(20)), Start.AddMinutes(20)));

        Assert.Null(_harness.Target.AppliedSize);
        Assert.Equal("configured", _harness.Target.Price?.Source);
        Assert.Equal(Start, _harness.Target.Cost?.AccruedUntil);
        Assert.Empty(_harness.Supervisor.Reports);

        // The size grain reports again at 10:40: the first 40 minutes are charged at the price they ran at.
        await pricing.SizeAppliedAsync(Applied(2, 4, Start.AddMinutes(20)), Start.AddMinutes(40));
        Assert.Equal(0.1317m, CostAt(Start.AddHours(1)).Day); // 2 × (2/3) × 0.04937 + 2 × (1/3) × 0.09874 = 0.0658267 + 0.0658267
    }

    [Fact]
    public async Task A_repeated_or_older_report_changes_nothing()
    {
        _pricing.Configure("svc", 1, 2);
        var pricing = Load();
        await pricing.SizeAppliedAsync(Applied(2, 4, Start.AddMinutes(20)), Start.AddMinutes(20));
        var writes = _harness.Journal.Count(j => j.StartsWith("write", StringComparison.Ordinal));

        await pricing.SizeAppliedAsync(Applied(2, 4, Start.AddMinutes(20)), Start.AddMinutes(30));
        await pricing.SizeAppliedAsync(Applied(0.5, 1, Start.AddMinutes(10)), Start.AddMinutes(30));

        Assert.Equal(writes, _harness.Journal.Count(j => j.StartsWith("write", StringComparison.Ordinal)));
        Assert.Equal(0.09874m, _harness.Target.InstanceHourPrice);
    }

    [Fact]
    public async Task A_scale_out_asks_the_supervisor_at_the_sized_price()
    {
        _pricing.Configure("svc", 1, 2);
        Load();
        TargetCapacityRequest? asked = null;
        _harness.Supervisor.Decide = r =>
        {
            asked = r;
            return new ScaleApproval(r.Requested, null, BudgetStatus.Ok, "approved", true, false);
        };
        _harness.Load(cpu: 100);

        await _harness.Protocol.EvaluateAsync("test", scaleOutOnly: false);

        Assert.Equal(0.04937m, asked?.UnitCostPerHour);
    }

    private TargetPricing Load() => TargetPricing.Load(_harness.Target, _harness.Store, _pricing, _harness.Upkeep);

    private CostReport CostAt(DateTimeOffset at) => TargetStatusView.Of(_harness.Target, at).Cost;

    private static AppliedInstanceSize Applied(double vcpu, double memoryGiB, DateTimeOffset at) => new(vcpu, memoryGiB, at, "user:ops");
}
