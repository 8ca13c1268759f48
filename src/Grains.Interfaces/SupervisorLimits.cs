namespace Autoscaler.Grains.Interfaces;

/// <summary>A scope's total-capacity cap and monthly budget, as operators set them.</summary>
/// <param name="MaxTotalCapacity">The most capacity all targets of the scope may hold together (null: no cap).</param>
/// <param name="MonthlyBudget">The month's spend the scope should stay under (null: no budget).</param>
/// <param name="WarningPercent">Forecast share of the budget at which the budget level turns <c>warning</c>.</param>
/// <param name="CriticalPercent">Forecast share of the budget at which scale-outs are refused (<c>critical</c>).</param>
/// <param name="BudgetActions">What to do at budget thresholds (notify, lower max capacity); null or empty: nothing.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.SupervisorLimits")]
public sealed record SupervisorLimits(int? MaxTotalCapacity = null, decimal? MonthlyBudget = null, double WarningPercent = 75, double CriticalPercent = 90,
    IReadOnlyList<BudgetActionSetting>? BudgetActions = null)
{
    /// <summary>No cap, no budget.</summary>
    public static SupervisorLimits None { get; } = new();
}
