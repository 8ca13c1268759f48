using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;

namespace Autoscaler.Grains.Tests.Supervision;

[Collection(ClusterCollection.Name)]
public sealed class SupervisorGrainTests(ClusterFixture fixture)
{
    private ISupervisorGrain NewSupervisor() => fixture.Client.GetGrain<ISupervisorGrain>($"scope-{Guid.NewGuid():N}");

    [Fact]
    public async Task Concurrent_scale_outs_from_many_targets_never_exceed_the_total_capacity_cap()
    {
        var supervisor = NewSupervisor();
        await supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MaxTotalCapacity: 30) });
        for (var i = 0; i < 20; i++)
        {
            await supervisor.ReportAsync(new TargetCapacityReport($"t{i}", 1, 0, 0m, 0m));
        }

        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            supervisor.RequestCapacityAsync(new TargetCapacityRequest($"t{i}", 1, 5, 0, 0m))));

        var status = await supervisor.GetStatusAsync();
        Assert.Equal(30, status.TotalCapacity);
        Assert.Equal(30, grants.Sum(g => g.Granted));
        Assert.Contains(grants, g => g.LimitedBy == "TotalCapacity");
    }

    [Fact]
    public async Task Capacity_changes_persist_at_once_and_forecast_only_reports_at_most_every_five_minutes()
    {
        var supervisor = NewSupervisor();
        await supervisor.ReportAsync(new TargetCapacityReport("worker", 3, 0, 0.1m, 10m));
        await supervisor.ReportAsync(new TargetCapacityReport("worker", 3, 0, 0.1m, 20m));
        Assert.Equal(20m, (await supervisor.GetStatusAsync()).ForecastMonthSpend);

        await DeactivateAllAsync();
        Assert.Equal(10m, (await supervisor.GetStatusAsync()).ForecastMonthSpend);

        await supervisor.ReportAsync(new TargetCapacityReport("worker", 4, 0, 0.1m, 30m));
        await DeactivateAllAsync();
        var changed = await supervisor.GetStatusAsync();
        Assert.Equal((4, 30m), (changed.TotalCapacity, changed.ForecastMonthSpend));

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await supervisor.ReportAsync(new TargetCapacityReport("worker", 4, 0, 0.1m, 40m));
        await DeactivateAllAsync();
        Assert.Equal(40m, (await supervisor.GetStatusAsync()).ForecastMonthSpend);
    }

    [Fact]
    public async Task The_totals_follow_reports_grants_and_unregistrations_and_are_the_same_after_reactivation()
    {
        var supervisor = NewSupervisor();
        await supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MaxTotalCapacity: 1_000) });
        await supervisor.ReportManyAsync([.. Enumerable.Range(0, 50).Select(i => new TargetCapacityReport($"t{i}", 2, 0, 0.1m, 1.25m))]);
        await supervisor.ReportAsync(new TargetCapacityReport("t0", 5, 0, 0.1m, 3.5m));
        var grant = await supervisor.RequestCapacityAsync(new TargetCapacityRequest("t1", 2, 7, 0, 0.1m));
        await supervisor.UnregisterAsync("t2");
        await supervisor.UnregisterAsync("never-registered");

        // t0 5, t1 7, t2 gone, 47 others at 2; spend 3.5 for t0 and 1.25 for the 48 others.
        var expected = (TotalCapacity: 5 + 7 + (47 * 2), Spend: 3.5m + (48 * 1.25m));
        Assert.Equal(7, grant.Granted);
        var live = await supervisor.GetStatusAsync();
        Assert.Equal(expected, (live.TotalCapacity, live.ForecastMonthSpend));
        Assert.Equal((live.Targets.Sum(t => t.Capacity), live.Targets.Sum(t => t.ForecastMonthSpend)), expected);

        // The cap counts the others' capacity plus the asker's current: 106 used, so 1,000 leaves 894 more for t3.
        var capped = await supervisor.RequestCapacityAsync(new TargetCapacityRequest("t3", 2, 2_000, 0, 0.1m));
        Assert.Equal(2 + 894, capped.Granted);

        await DeactivateAllAsync();
        var reloaded = await supervisor.GetStatusAsync();
        Assert.Equal((expected.TotalCapacity + 894, expected.Spend), (reloaded.TotalCapacity, reloaded.ForecastMonthSpend));
    }

    [Fact]
    public async Task Concurrent_reports_from_many_targets_all_persist()
    {
        var supervisor = NewSupervisor();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => supervisor.ReportAsync(new TargetCapacityReport($"t{i}", 2, 0, 0m, 0m))));
        await DeactivateAllAsync();

        Assert.Equal(600, (await supervisor.GetStatusAsync()).TotalCapacity);
    }

    [Fact]
    public async Task Budget_at_the_critical_level_caps_scale_out_across_targets()
    {
        var supervisor = NewSupervisor();
        await supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MonthlyBudget: 5000m) });
        await supervisor.ReportAsync(new TargetCapacityReport("worker", 10, 0, 0.5m, 4200m));
        await supervisor.ReportAsync(new TargetCapacityReport("gateway", 3, 0, 0.5m, 400m));

        var approval = await supervisor.RequestCapacityAsync(new TargetCapacityRequest("worker", 10, 20, 0, 0.5m));

        Assert.Equal(10, approval.Granted);
        Assert.Equal("Budget", approval.LimitedBy);
        Assert.Equal(BudgetStatus.Critical, (await supervisor.GetStatusAsync()).Budget);
    }

    [Fact]
    public async Task Disabled_scope_refuses_and_dry_run_scope_decides_without_counting_the_change()
    {
        var supervisor = NewSupervisor();
        await supervisor.ConfigureAsync(SupervisorSettings.Default with { Enabled = false });
        var refused = await supervisor.RequestCapacityAsync(new TargetCapacityRequest("a", 2, 4, 0, 0m));
        Assert.False(refused.MayActuate);
        Assert.Equal(2, refused.Granted);

        await supervisor.ConfigureAsync(SupervisorSettings.Default with { DryRun = true });
        var dry = await supervisor.RequestCapacityAsync(new TargetCapacityRequest("a", 2, 4, 0, 0m));
        Assert.False(dry.MayActuate);
        Assert.Equal(4, dry.Granted);
        Assert.Equal(0, (await supervisor.GetStatusAsync()).TotalCapacity);
    }

    [Fact]
    public async Task Invalid_limits_are_rejected_and_the_stored_settings_stay_as_they_were()
    {
        var supervisor = NewSupervisor();
        await supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MaxTotalCapacity: 7) });

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(WarningPercent: 95, CriticalPercent: 90) }));

        Assert.Contains("criticalPercent", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, (await supervisor.GetStatusAsync()).Settings.Limits.MaxTotalCapacity);
    }

    private Task DeactivateAllAsync() => fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
