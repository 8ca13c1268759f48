namespace Autoscaler.Scaling.Supervision;

/// <summary>Limits a supervisor enforces across every target in its scope.</summary>
/// <param name="MaxTotalCapacity">Sum of every target's capacity may not exceed this (null = unlimited).</param>
/// <param name="MonthlyBudget">Spend per calendar month (null = unlimited).</param>
/// <param name="WarningPercent">Forecast spend, in percent of the budget, that raises a warning.</param>
/// <param name="CriticalPercent">Forecast spend, in percent of the budget, from which scale-out is capped.</param>
public sealed record ClusterLimits(int? MaxTotalCapacity = null, decimal? MonthlyBudget = null, double WarningPercent = 75, double CriticalPercent = 90)
{
    /// <summary>No limits at all.</summary>
    public static ClusterLimits None { get; } = new();

    /// <summary>Validation errors, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxTotalCapacity is < 0)
        {
            errors.Add("maxTotalCapacity: must be zero or more");
        }

        if (MonthlyBudget is < 0)
        {
            errors.Add("monthlyBudget: must be zero or more");
        }

        if (WarningPercent is <= 0 or > 1000)
        {
            errors.Add("warningPercent: must be in (0, 1000]");
        }

        if (CriticalPercent is <= 0 or > 1000 || CriticalPercent < WarningPercent)
        {
            errors.Add("criticalPercent: must be in (0, 1000] and not below warningPercent");
        }

        return errors;
    }

    /// <summary>The budget level for a forecast month-end spend.</summary>
    public BudgetLevel LevelFor(decimal forecastMonthSpend)
    {
        if (MonthlyBudget is not { } budget || budget <= 0)
        {
            return MonthlyBudget == 0 ? BudgetLevel.Critical : BudgetLevel.Ok;
        }

        var percent = (double)(forecastMonthSpend / budget) * 100;
        return percent >= CriticalPercent ? BudgetLevel.Critical : percent >= WarningPercent ? BudgetLevel.Warning : BudgetLevel.Ok;
    }
}
