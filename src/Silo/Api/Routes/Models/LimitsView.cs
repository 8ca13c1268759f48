using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A scope's limits.</summary>
public sealed record LimitsView(int? MaxTotalCapacity, decimal? MonthlyBudget, double WarningPercent, double CriticalPercent,
    IReadOnlyList<BudgetActionSetting> BudgetActions);
