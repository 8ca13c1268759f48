namespace Autoscaler.Scaling.Metrics;

/// <summary>How the samples of a window are reduced to one number.</summary>
public enum Aggregation
{
    /// <summary>Arithmetic mean of every sample in the window.</summary>
    Avg,

    /// <summary>Smallest sample.</summary>
    Min,

    /// <summary>Largest sample.</summary>
    Max,

    /// <summary>Sum of every sample.</summary>
    Sum,

    /// <summary>Number of samples.</summary>
    Count,

    /// <summary>
    /// Change per second of the series: (value of the latest sample − value of the earliest sample) / seconds between them.
    /// Meant for one series (an aggregate gauge or counter); negative when the value falls; needs two distinct timestamps.
    /// </summary>
    Rate,

    /// <summary>
    /// Median (nearest rank; metric windows read it from their log-scale histogram, relative error ≤
    /// <c>Windows.LogHistogram.RelativeError</c>).
    /// </summary>
    P50,

    /// <summary>90th percentile (nearest rank), from the histogram.</summary>
    P90,

    /// <summary>95th percentile (nearest rank), from the histogram.</summary>
    P95,

    /// <summary>99th percentile (nearest rank), from the histogram.</summary>
    P99,
}
