using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary><see cref="ISupervisorLink"/> through the scope's <see cref="ISupervisorGrain"/>; one per silo.</summary>
internal sealed class GrainSupervisorLink(IGrainFactory grains) : ISupervisorLink
{
    public Task<ScaleApproval> RequestCapacityAsync(string scope, TargetCapacityRequest request) =>
        grains.GetGrain<ISupervisorGrain>(scope).RequestCapacityAsync(request);

    public Task ReportAsync(string scope, TargetCapacityReport report) => grains.GetGrain<ISupervisorGrain>(scope).ReportAsync(report);
}
