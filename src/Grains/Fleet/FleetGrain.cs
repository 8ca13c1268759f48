using Autoscaler.Grains.Interfaces;
using Orleans.Concurrency;

namespace Autoscaler.Grains.Fleet;

/// <summary>The fleet at once (<see cref="IFleetGrain"/>): a stateless worker on the silo that calls it, so the API,
/// the configuration loaded at start and the SDK share one path; the work is <see cref="FleetApplier"/>'s and
/// <see cref="FleetExporter"/>'s.</summary>
[StatelessWorker]
public sealed class FleetGrain : Grain, IFleetGrain
{
    public Task<FleetResult> ApplyAsync(FleetSpec spec) => new FleetApplier(GrainFactory).ApplyAsync(spec);

    public Task<FleetSpec> ExportAsync() => new FleetExporter(GrainFactory).ExportAsync();
}
