using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization;

/// <summary>Everything the optimiser knows about one target. Time is whatever the samples say; nothing reads a clock.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Size">Today's instance size; null for a target priced by a size-less unit price.</param>
/// <param name="Platform">Which sizes it may take.</param>
/// <param name="Prices">What capacity costs.</param>
/// <param name="Usage">What its instances used, in time order.</param>
public sealed record TargetProfile(string Name, InstanceSize? Size, SizePlatform Platform, PriceModel Prices, IReadOnlyList<UsageSample> Usage)
{
    /// <summary>
    /// The target's recorded demand with its own policies and bounds (a demand-mode simulate input, as the trace export
    /// gives it); null when there is none, and then counts are not re-simulated.
    /// </summary>
    public SimulationRequest? Demand { get; init; }

    /// <summary>The demand metric that is CPU, in percent of one instance (<c>perInstance</c> 100).</summary>
    public string CpuMetric { get; init; } = "cpu";

    /// <summary>The demand metric that is memory, in percent of one instance.</summary>
    public string MemoryMetric { get; init; } = "memory";

    /// <summary>True when the user flagged the workload as safe to interrupt (Spot).</summary>
    public bool Interruptible { get; init; }
}
