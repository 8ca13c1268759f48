using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.KeepAlive;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Autoscaler.Grains.Tests.KeepAlive;

/// <summary>The per-silo keep-alive sweep that replaced one reminder per target and per alarm.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KeepAliveSweepTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Registering_a_target_writes_no_reminder_and_a_sweep_activates_it_again_after_it_was_collected()
    {
        var id = TargetBuilder.NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        await grain.ConfigureAsync(TargetBuilder.Simulated(id));
        var grainId = grain.GetGrainId();

        var rows = await Reminders.ReadRows(grainId);
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var activeBefore = await IsActiveAsync(grainId);
        var result = await Sweep().RunAsync(CancellationToken.None);

        Assert.Empty(rows.Reminders);
        Assert.False(activeBefore, "the target was still active before the sweep");
        Assert.Equal(1, result.Silos);
        Assert.True(result.Owned >= 1);
        Assert.Equal(0, result.Failed);
        Assert.True(await IsActiveAsync(grainId), "the sweep did not activate the target");
    }

    [Fact]
    public async Task A_reminder_left_from_before_the_sweep_is_unregistered_by_its_next_tick()
    {
        var id = TargetBuilder.NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        await grain.ConfigureAsync(TargetBuilder.Simulated(id));
        var grainId = grain.GetGrainId();
        await Reminders.UpsertRow(new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = LegacyKeepAliveReminder.Name,
            StartAt = DateTime.UtcNow.AddMinutes(1),
            Period = TimeSpan.FromMinutes(1),
        });
        var planted = await Reminders.ReadRows(grainId);

        await grain.AsReference<IRemindable>().ReceiveReminder(LegacyKeepAliveReminder.Name, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        Assert.Single(planted.Reminders);
        Assert.Empty((await Reminders.ReadRows(grainId)).Reminders);
    }

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    private IReminderTable Reminders => Silo.GetRequiredService<IReminderTable>();

    // The silo's own sweep runs on the fixture's fake clock once a minute; this one is called directly, with one batch, so
    // it never waits on that clock whatever other tests registered.
    private KeepAliveSweep Sweep() =>
        ActivatorUtilities.CreateInstance<KeepAliveSweep>(Silo, Options.Create(new KeepAliveOptions { BatchSize = 10_000 }));

    private async Task<bool> IsActiveAsync(GrainId grain)
    {
        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId == grain);
    }
}
