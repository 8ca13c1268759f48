using Autoscaler.Ports.Actuation;

namespace Autoscaler.Grains.Sizing;

/// <summary>The settings when the host configures none: no configured sizes, any positive size accepted.</summary>
public sealed class UnconfiguredTargetSizes : ITargetSizeSettings
{
    /// <inheritdoc />
    public (double Vcpu, double MemoryGiB)? Configured(string targetId) => null;

    /// <inheritdoc />
    public (string Field, string Message)? Problem(string targetId, ActuatorKind kind, double vcpu, double memoryGiB) => null;
}
