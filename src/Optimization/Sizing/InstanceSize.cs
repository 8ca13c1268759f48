namespace Autoscaler.Optimization.Sizing;

/// <summary>What one instance (task, pod, agent worker) is given: vCPU and memory in GiB.</summary>
/// <param name="Vcpu">Virtual CPUs (0.25 = 256 ECS CPU units).</param>
/// <param name="MemoryGiB">Memory in GiB.</param>
public readonly record struct InstanceSize(double Vcpu, double MemoryGiB)
{
    /// <summary>ECS CPU units (1 vCPU = 1024), as a task definition's <c>cpu</c> field takes them.</summary>
    public int CpuUnits => (int)Math.Round(Vcpu * 1024);

    /// <summary>Memory in MiB, as a task definition's <c>memory</c> field takes it.</summary>
    public int MemoryMiB => (int)Math.Round(MemoryGiB * 1024);

    /// <inheritdoc />
    public override string ToString() => $"{Vcpu:0.##} vCPU / {MemoryGiB:0.##} GiB";
}
