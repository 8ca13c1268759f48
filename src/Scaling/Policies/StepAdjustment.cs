namespace Autoscaler.Scaling.Policies;

/// <summary>
/// One step (AWS <c>StepAdjustment</c>): bounds relative to the threshold, null meaning unbounded. Above the threshold the
/// lower bound is inclusive and the upper exclusive; below it the lower is exclusive and the upper inclusive.
/// </summary>
public sealed record StepAdjustment(double? Lower, double? Upper, int Adjustment)
{
    /// <summary>True when <paramref name="difference"/> (metric - threshold) falls in this step.</summary>
    public bool Contains(double difference)
    {
        var lower = Lower ?? double.NegativeInfinity;
        var upper = Upper ?? double.PositiveInfinity;
        return difference >= 0
            ? difference >= lower && difference < upper
            : difference > lower && difference <= upper;
    }
}
