using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Grains.Recommendations;

/// <summary>When recommendations are recomputed and how much history is kept (section <c>Optimization:Recommendations</c>).</summary>
public sealed class RecommendationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Optimization:Recommendations";

    /// <summary>Time between recomputes (daily by default).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Delay of the first recompute of a cluster that never computed (short, so a new cluster shows proposals soon).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstRecomputeDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Closed records (applied, dismissed, superseded) kept fleet-wide; each of the 64 shards keeps its newest
    /// sixty-fourth of them (rounded up), dropping its oldest beyond that.
    /// </summary>
    [Range(0, 1_000_000)]
    public int HistoryLimit { get; set; } = 6_400;

    /// <summary>Targets whose history is read and optimised at once during a recompute; 0 for one per processor core.</summary>
    [Range(0, 256)]
    public int Parallelism { get; set; }
}
