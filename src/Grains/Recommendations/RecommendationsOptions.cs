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

    /// <summary>Closed records (applied, dismissed, superseded) kept; the oldest beyond it are dropped.</summary>
    [Range(0, 100_000)]
    public int HistoryLimit { get; set; } = 1_000;
}
