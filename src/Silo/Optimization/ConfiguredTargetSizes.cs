using Autoscaler.Grains.Sizing;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// Targets' sizes from <c>Optimization:Targets:{id}</c> and the sizes their platform accepts: a target's own
/// <c>Platform</c> wins; else ECS targets take the section's <c>Platform</c> (default Fargate, whose CPU/memory pairs
/// are fixed) and every other actuator any positive size (Kubernetes requests, webhooks).
/// </summary>
internal sealed class ConfiguredTargetSizes(IOptionsMonitor<CostOptimizationOptions> options) : ITargetSizeSettings
{
    /// <inheritdoc />
    public (double Vcpu, double MemoryGiB)? Configured(string targetId) =>
        options.CurrentValue.Targets.GetValueOrDefault(targetId)?.Size is { } size ? (size.Vcpu, size.MemoryGiB) : null;

    /// <inheritdoc />
    public (string Field, string Message)? Problem(string targetId, ActuatorKind kind, double vcpu, double memoryGiB)
    {
        var current = options.CurrentValue;
        var platform = current.Targets.GetValueOrDefault(targetId)?.Platform ?? (kind == ActuatorKind.Ecs ? current.Platform : SizePlatform.Any);
        if (SizeCatalog.Problem(platform, new InstanceSize(vcpu, memoryGiB)) is not { } problem)
        {
            return null;
        }

        // Fargate names the vCPU when no pair has it, else the memory that does not go with it.
        var field = platform == SizePlatform.Fargate && SizeCatalog.Fargate.All(s => Math.Abs(s.Vcpu - vcpu) > 1e-9) ? "vcpu" : "memoryGiB";
        return (field, problem);
    }
}
