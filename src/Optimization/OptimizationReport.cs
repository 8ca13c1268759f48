using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Purchase;
using Autoscaler.Optimization.RightSizing;
using Autoscaler.Optimization.Schedules;

namespace Autoscaler.Optimization;

/// <summary>Every recommendation for one target.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="RightSize">Size and count; null without a size or usage.</param>
/// <param name="Schedule">Scheduled minimums.</param>
/// <param name="Purchase">Commitment and Spot; null without usage.</param>
/// <param name="Efficiency">Waste and efficiency.</param>
/// <param name="Notes">What was missing and therefore skipped.</param>
public sealed record OptimizationReport(
    string Target, RightSizeRecommendation? RightSize, ScheduleRecommendation Schedule, PurchaseRecommendation? Purchase, EfficiencyReport Efficiency, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Monthly savings of the size change plus the purchase options (priced at today's size). Schedule savings are
    /// reported apart: they overlap with the size change.
    /// </summary>
    public double MonthlySavings => Math.Max(0, RightSize?.MonthlySavings ?? 0) + (Purchase?.MonthlySavings ?? 0);
}
