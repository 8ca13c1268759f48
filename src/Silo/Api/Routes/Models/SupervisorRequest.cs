using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A scope of <c>POST /fleet</c> (a <c>Supervisor</c> document): its limits (null: unlimited; the percentages
/// default to 75 and 90; budget actions, null: none) and, when given, its switches.</summary>
public sealed record SupervisorRequest(
    string? Scope,
    int? MaxTotalCapacity,
    decimal? MonthlyBudget,
    double? WarningPercent,
    double? CriticalPercent,
    bool? Enabled,
    bool? DryRun,
    List<BudgetActionSetting>? BudgetActions = null);
