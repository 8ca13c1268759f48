namespace Autoscaler.Optimization.Schedules;

/// <summary>The schedule detector's answer.</summary>
/// <param name="Pattern">The cycle found (None: nothing proposed).</param>
/// <param name="PValue">Permutation-test p-value of the chosen grouping (the best one when none passed).</param>
/// <param name="Explained">Adjusted share of variance the grouping explains.</param>
/// <param name="Actions">Scheduled minimums (empty for None): a <c>scheduled</c> policy's actions.</param>
/// <param name="Explanation">Why, line by line.</param>
public sealed record ScheduleRecommendation(SchedulePattern Pattern, double PValue, double Explained, IReadOnlyList<ScheduledMinimum> Actions, IReadOnlyList<string> Explanation)
{
    /// <summary>Simulated monthly cost with the target's policies as they are; null when not simulated.</summary>
    public double? MonthlyCostBefore { get; init; }

    /// <summary>Simulated monthly cost with the schedule added; null when not simulated.</summary>
    public double? MonthlyCostAfter { get; init; }

    /// <summary>Under-provisioned time without the schedule, percent; null when not simulated.</summary>
    public double? UnderProvisionedBefore { get; init; }

    /// <summary>Under-provisioned time with it, percent; null when not simulated.</summary>
    public double? UnderProvisionedAfter { get; init; }

    /// <summary>Before minus after (negative: the schedule costs money, usually to fall short less).</summary>
    public double? MonthlySavings => MonthlyCostBefore - MonthlyCostAfter;
}
