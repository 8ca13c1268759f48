namespace Autoscaler.Scaling.Supervision.Budget;

/// <summary>
/// What budget actions to take now: the thresholds newly reached (each once per period), the max-capacity changes
/// (reductions, or restores at a new period) and the state to keep: <see cref="PeriodStart"/> and the keys of the
/// thresholds fired in it.
/// </summary>
public sealed record BudgetActionPlan(
    DateTimeOffset PeriodStart,
    IReadOnlyList<BudgetThreshold> Reached,
    IReadOnlyList<MaxCapacityChange> Changes,
    IReadOnlySet<string> Fired,
    double? PercentOfBudget)
{
    /// <summary>True when there is nothing to do and nothing to remember anew.</summary>
    public bool IsEmpty => Reached.Count == 0 && Changes.Count == 0;
}
