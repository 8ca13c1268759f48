namespace Autoscaler.Optimization.RightSizing;

/// <summary>How the right-sizer reads usage. Defaults follow Kubernetes VPA's recommender where it has one.</summary>
public sealed record RightSizeOptions
{
    /// <summary>The defaults.</summary>
    public static RightSizeOptions Default { get; } = new();

    /// <summary>Usage older than this is ignored (VPA: 8 days of history; here 14, two weekly cycles).</summary>
    public double LookbackDays { get; init; } = 14;

    /// <summary>
    /// A sample's weight halves every this many days (VPA's CPU histogram: 24 h; a week here so that a quiet weekend
    /// does not outweigh the busy week before it).
    /// </summary>
    public double HalfLifeDays { get; init; } = 7;

    /// <summary>CPU percentile sized for (VPA target: p90; p95 here).</summary>
    public double CpuPercentile { get; init; } = 95;

    /// <summary>Headroom added to the CPU percentile (VPA: 15 %).</summary>
    public double CpuMargin { get; init; } = 0.15;

    /// <summary>Memory percentile of peaks sized for: running out of memory kills the instance, so near the top.</summary>
    public double MemoryPercentile { get; init; } = 99;

    /// <summary>Headroom added to memory (VPA: 15 %, plus 20 % after an OOM kill; 20 % here from the start).</summary>
    public double MemoryMargin { get; init; } = 0.20;

    /// <summary>A change saving less than this share of the current cost is not recommended (churn costs too).</summary>
    public double MinSavingsPercent { get; init; } = 5;

    /// <summary>Why the options are unusable, or null.</summary>
    public string? Problem() =>
        LookbackDays <= 0 || HalfLifeDays <= 0 ? "lookbackDays and halfLifeDays must be positive"
        : CpuPercentile is <= 0 or > 100 || MemoryPercentile is <= 0 or > 100 ? "percentiles must be in (0, 100]"
        : CpuMargin < 0 || MemoryMargin < 0 || MinSavingsPercent < 0 ? "margins and minSavingsPercent must not be negative"
        : null;
}
