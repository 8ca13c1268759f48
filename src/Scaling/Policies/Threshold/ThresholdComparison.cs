namespace Autoscaler.Scaling.Policies;

/// <summary>How a threshold rule compares its metric with its levels (seed 001's `comparison`).</summary>
public enum ThresholdComparison
{
    /// <summary>`greater_than`: above `scaleUp` scales up, below `scaleDown` scales down (load-like metrics).</summary>
    GreaterThan,

    /// <summary>`less_than`: below `scaleUp` scales up, above `scaleDown` scales down (headroom-like metrics: free memory, idle %).</summary>
    LessThan,

    /// <summary>
    /// `percentage_change`: the window's aggregate against the same aggregate over the window before it, in percent;
    /// a rise above `scaleUp` scales up, a change below `scaleDown` (e.g. -30) scales down.
    /// </summary>
    PercentageChange,
}
