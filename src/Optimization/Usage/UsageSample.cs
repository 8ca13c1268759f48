namespace Autoscaler.Optimization.Usage;

/// <summary>
/// What a target's instances used from <see cref="At"/> until the next sample (hourly in the grains' history).
/// Utilization is in percent of the current size: 50 = half the vCPU (or memory) one instance is given.
/// </summary>
/// <param name="At">Start of the sample.</param>
/// <param name="Instances">Instances running.</param>
/// <param name="CpuPercent">CPU per instance, percent of its vCPU (a high percentile across instances when known, else the mean).</param>
/// <param name="MemoryPercent">Memory per instance, percent of its memory (the peak when known); null when not measured.</param>
public sealed record UsageSample(DateTimeOffset At, int Instances, double CpuPercent, double? MemoryPercent)
{
    /// <summary>Agents busy on average (agent pools); null when the pool does not report it (each instance then counts as one).</summary>
    public double? Agents { get; init; }
}
