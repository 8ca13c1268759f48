using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>A target's line to its scope's supervisor.</summary>
public interface ISupervisorLink
{
    /// <summary>Asks for a capacity change; the approval may trim or refuse it.</summary>
    public Task<ScaleApproval> RequestCapacityAsync(string scope, TargetCapacityRequest request);

    /// <summary>Reports capacity and spend (after each change and periodically).</summary>
    public Task ReportAsync(string scope, TargetCapacityReport report);
}
