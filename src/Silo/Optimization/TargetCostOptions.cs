using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Silo.Optimization;

/// <summary>One target's size and cost flags (<c>Optimization:Targets:{id}</c>).</summary>
public sealed class TargetCostOptions
{
    /// <summary>vCPU per instance; null for a size-less target.</summary>
    public double? Vcpu { get; set; }

    /// <summary>Memory per instance in GiB; null for a size-less target.</summary>
    public double? MemoryGiB { get; set; }

    /// <summary>Overrides the section's platform for this target.</summary>
    public SizePlatform? Platform { get; set; }

    /// <summary>True when the workload may be interrupted (Spot is then recommended above the committed base).</summary>
    public bool Interruptible { get; set; }

    /// <summary>The share of the target's instance-hours that already runs on Spot (0–1): the live cost charges that
    /// share at the Spot discount. Default 0: everything at on-demand.</summary>
    public double SpotShare { get; set; }

    /// <summary>The metric read as CPU (percent of one instance's request).</summary>
    public string CpuMetric { get; set; } = "cpu";

    /// <summary>The metric read as memory.</summary>
    public string MemoryMetric { get; set; } = "memory";

    /// <summary>The size, when both parts are set.</summary>
    public InstanceSize? Size => Vcpu is { } v && MemoryGiB is { } m ? new InstanceSize(v, m) : null;
}
