using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>PUT /supervisor</c>: every limit, null meaning unlimited; the percentages default to 75 and 90;
/// <c>budgetActions</c> (null: none) notify or lower max capacity at budget thresholds.</summary>
public sealed record SupervisorLimitsRequest(int? MaxTotalCapacity, decimal? MonthlyBudget, double? WarningPercent, double? CriticalPercent,
    List<BudgetActionSetting>? BudgetActions = null);
