using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Supervision.Budget;
using Autoscaler.Scaling.Supervision;

namespace Autoscaler.Grains.Supervision;

/// <summary>Translates the supervisor's wire records to the engine's arbitration types and back.</summary>
public static class SupervisorMapping
{
    /// <summary>The engine's limits (validation, budget levels).</summary>
    public static ClusterLimits ToEngine(SupervisorLimits limits) =>
        limits is null ? throw new ArgumentNullException(nameof(limits)) : new(limits.MaxTotalCapacity, limits.MonthlyBudget, limits.WarningPercent, limits.CriticalPercent);

    /// <summary>Every problem of <paramref name="limits"/> (the engine's checks and the budget actions'), as <c>field: message</c>.</summary>
    public static IReadOnlyList<string> Problems(SupervisorLimits limits) => [.. ToEngine(limits).Validate(), .. BudgetActionSettings.Problems(limits)];

    /// <summary>The engine's form of a request.</summary>
    public static CapacityRequest ToEngine(TargetCapacityRequest request) =>
        request is null ? throw new ArgumentNullException(nameof(request)) : new(request.Target, request.Current, request.Requested, request.Priority, request.UnitCostPerHour);

    /// <summary>The wire form of a budget level.</summary>
    public static BudgetStatus ToWire(BudgetLevel level) => level switch
    {
        BudgetLevel.Warning => BudgetStatus.Warning,
        BudgetLevel.Critical => BudgetStatus.Critical,
        _ => BudgetStatus.Ok,
    };

    /// <summary>The wire verdict for an engine grant.</summary>
    public static ScaleApproval ToApproval(CapacityGrant grant, bool enabled, bool dryRun) =>
        grant is null ? throw new ArgumentNullException(nameof(grant)) : new(grant.Granted, grant.LimitedBy, ToWire(grant.Budget), grant.Explanation, enabled, dryRun);
}
