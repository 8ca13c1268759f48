using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.RightSizing;

/// <summary>The right-sizer's answer, explained like a scaling decision.</summary>
/// <param name="Current">Today's size, simulated (or measured, without a demand trace) the same way as the others.</param>
/// <param name="Recommended">The cheapest candidate that keeps under-provisioning at or below today's; equal to
/// <paramref name="Current"/> when nothing saves enough.</param>
/// <param name="VerticalOnly">The size VPA-style sizing alone gives (percentile + margin at today's count), before the count is considered.</param>
/// <param name="Candidates">Every candidate priced, cheapest first.</param>
/// <param name="ConfidenceDays">Days of usage the answer rests on.</param>
/// <param name="Explanation">Why, line by line.</param>
public sealed record RightSizeRecommendation(
    SizeCandidate Current, SizeCandidate Recommended, InstanceSize? VerticalOnly, IReadOnlyList<SizeCandidate> Candidates, double ConfidenceDays, IReadOnlyList<string> Explanation)
{
    /// <summary>Monthly cost today minus with the recommendation (0 when keeping the size).</summary>
    public double MonthlySavings => Current.MonthlyCost - Recommended.MonthlyCost;

    /// <summary>True when a different size is recommended.</summary>
    public bool IsChange => Recommended.Size != Current.Size;
}
