using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.RightSizing;

/// <summary>One (size, count) candidate as the target's own policies would have run it on its recorded demand.</summary>
/// <param name="Size">Instance size.</param>
/// <param name="MeanInstances">Average instances running (the count the policies chose over time).</param>
/// <param name="PeakInstances">Most instances running at once.</param>
/// <param name="MonthlyCost">Mean instances × hourly price × 730 h.</param>
/// <param name="UnderProvisionedPercent">Share of time some demand exceeded what was running; null when not simulated.</param>
/// <param name="CpuOverPercent">Share of recorded time one instance's CPU, at the count that ran, would have exceeded this size.</param>
/// <param name="MemoryOverPercent">Same for memory peaks; null when memory is not measured.</param>
public sealed record SizeCandidate(
    InstanceSize Size, double MeanInstances, int PeakInstances, double MonthlyCost, double? UnderProvisionedPercent, double CpuOverPercent, double? MemoryOverPercent)
{
    /// <summary>Scaled bounds the candidate was simulated with (same total capacity as today's min/max).</summary>
    public (int Min, int Max) Bounds { get; init; }

    /// <summary>True when it fell short no more often than the current size (or was not simulated).</summary>
    public bool KeepsService { get; init; } = true;
}
