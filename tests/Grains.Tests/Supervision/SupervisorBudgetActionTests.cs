using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.History;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;

namespace Autoscaler.Grains.Tests.Supervision;

/// <summary>Budget actions on a silo: a scope with a tiny budget and a priced target lowers the target's max through its
/// service grain, audits it and remembers it across a reactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisorBudgetActionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Crossing_a_reduce_threshold_lowers_the_targets_max_once_and_audits_it()
    {
        var scope = $"scope-{Guid.NewGuid():N}";
        var id = $"budget-{Guid.NewGuid():N}";
        using var events = fixture.Events.Subscribe();
        var supervisor = fixture.Client.GetGrain<ISupervisorGrain>(scope);
        await supervisor.ConfigureAsync(SupervisorSettings.Default with
        {
            Limits = new SupervisorLimits(MonthlyBudget: 1m, BudgetActions: [new(80, "notify"), new(95, "reduceMaxCapacity", 3)]),
        });
        var target = fixture.Client.GetGrain<IServiceGrain>(id);
        await target.ConfigureAsync(Simulated(id, min: 1, max: 10, initial: 2, scope: scope)); // 0.10 an hour: far over a budget of 1

        Assert.True((await supervisor.GetStatusAsync()).ForecastMonthSpend > 1m);
        Assert.Equal(0, await supervisor.CheckBudgetAsync());

        Assert.Equal(7, (await target.GetStatusAsync()).Definition!.Max);
        var now = fixture.Clock.GetUtcNow();
        var rows = (await fixture.History.QueryAsync(new ScalingHistoryQuery(id, now.AddDays(-1), now.AddDays(1)))).Entries
            .Where(e => e.Kind == DecisionKind.Budget).ToList();
        Assert.Contains(rows, r => r.Explanation[0].Contains("max capacity 10 → 7", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Explanation[0].Contains("budget 80 %", StringComparison.Ordinal));
        events.Dispose();
        var published = new List<DecisionRecord>();
        while (events.Reader.TryRead(out var record))
        {
            published.Add(record);
        }

        Assert.Contains(published, e => e.Target == id && e.Kind == DecisionKind.Budget && e.Explanation[0].Contains("10 → 7", StringComparison.Ordinal));

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, await supervisor.CheckBudgetAsync());
        Assert.Equal(7, (await target.GetStatusAsync()).Definition!.Max); // remembered as fired: not lowered again
    }
}
