using Autoscaler.Grains.Tests.Services.Decisions;

namespace Autoscaler.Grains.Tests.Services;

/// <summary>What a target does as its activation leaves a silo: before a migration it writes its state and windows (and
/// hands them to the migration); for any other reason it writes nothing; a write that fails stops the migration.</summary>
public sealed class MigrationHandoverTests
{
    [Fact]
    public async Task Before_a_migration_the_state_and_the_windows_are_written()
    {
        var harness = new ProtocolHarness();
        harness.Load(80);

        await harness.Upkeep.DeactivatedAsync(new DeactivationReason(DeactivationReasonCode.Migrating, "rebalancing"));

        Assert.Equal(["write pending=none current=2", "write windows"], harness.Journal);
    }

    [Theory]
    [InlineData(DeactivationReasonCode.ActivationIdle)]
    [InlineData(DeactivationReasonCode.ShuttingDown)]
    [InlineData(DeactivationReasonCode.ApplicationRequested)]
    public async Task Any_other_deactivation_writes_nothing(DeactivationReasonCode code)
    {
        var harness = new ProtocolHarness();

        await harness.Upkeep.DeactivatedAsync(new DeactivationReason(code, "test"));

        Assert.Empty(harness.Journal);
    }

    [Fact]
    public async Task A_removed_target_hands_nothing_over()
    {
        var harness = new ProtocolHarness();
        harness.Upkeep.Removed();

        await harness.Upkeep.DeactivatedAsync(new DeactivationReason(DeactivationReasonCode.Migrating, "rebalancing"));

        Assert.Empty(harness.Journal);
    }

    [Fact]
    public async Task A_failed_write_throws_so_the_migration_is_abandoned_and_the_target_is_read_back_from_storage()
    {
        var harness = new ProtocolHarness();
        harness.Store.Failing = new InvalidOperationException("storage down");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            harness.Upkeep.DeactivatedAsync(new DeactivationReason(DeactivationReasonCode.Migrating, "rebalancing")));

        Assert.Equal("storage down", error.Message);
        Assert.Equal(["write failed"], harness.Journal);
    }
}
