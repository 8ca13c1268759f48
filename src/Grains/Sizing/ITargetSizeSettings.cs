using Autoscaler.Ports.Actuation;

namespace Autoscaler.Grains.Sizing;

/// <summary>
/// What the deployment says about targets' sizes (the silo reads <c>Optimization:Targets:{id}</c>): the configured size
/// of a target, and whether a size is one its platform accepts (Fargate: only the published CPU/memory pairs).
/// </summary>
public interface ITargetSizeSettings
{
    /// <summary>The configured vCPU and memory (GiB) of <paramref name="targetId"/>, or null when none is configured.</summary>
    public (double Vcpu, double MemoryGiB)? Configured(string targetId);

    /// <summary>Null when <paramref name="targetId"/>, driven by a <paramref name="kind"/> actuator, may run at the size;
    /// else the field at fault (<c>vcpu</c> or <c>memoryGiB</c>) and why.</summary>
    public (string Field, string Message)? Problem(string targetId, ActuatorKind kind, double vcpu, double memoryGiB);
}
