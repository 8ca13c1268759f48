using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Fleet;

/// <summary>The running configuration as a <see cref="FleetSpec"/>: every registered target with its policies (by id),
/// and the limits of every scope a target uses (and <c>default</c>). Switches are left out: turning scaling off is an
/// operator's action that re-applying the export must not undo.</summary>
internal sealed class FleetExporter(IGrainFactory grains)
{
    /// <summary>Reads the fleet.</summary>
    public async Task<FleetSpec> ExportAsync()
    {
        var directory = await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync();
        var ids = directory.Targets.Keys.Order(StringComparer.Ordinal).ToList();
        var targets = await FleetApplier.ConcurrentlyAsync(ids, async id =>
        {
            var grain = grains.GetGrain<IServiceGrain>(id);
            var status = await grain.GetStatusAsync();
            return status.Definition is { } definition ? new TargetSpec(definition, await grain.GetPoliciesAsync()) : null;
        });
        var scopes = directory.Targets.Values.Append("default").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var supervisors = await FleetApplier.ConcurrentlyAsync(scopes, async scope =>
            new SupervisorSpec(scope, (await grains.GetGrain<ISupervisorGrain>(scope).GetStatusAsync()).Settings.Limits));
        return new FleetSpec([.. targets.OfType<TargetSpec>()], supervisors);
    }
}
