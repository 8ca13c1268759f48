namespace Autoscaler.Scaling.Metrics;

/// <summary>A regularly spaced series: point i is the mean over [Start + i·Step, Start + (i+1)·Step).</summary>
/// <param name="Start">Start of the first point's interval.</param>
/// <param name="Step">Spacing of the points.</param>
/// <param name="Values">The points, oldest first; gaps inside the series are linearly interpolated.</param>
public sealed record HistorySeries(DateTimeOffset Start, TimeSpan Step, IReadOnlyList<double> Values)
{
    /// <summary>Start of the interval right after the last point: where a forecast begins.</summary>
    public DateTimeOffset End => Start + (Step * Values.Count);
}
