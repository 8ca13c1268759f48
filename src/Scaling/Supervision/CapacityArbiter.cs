using System.Globalization;

namespace Autoscaler.Scaling.Supervision;

/// <summary>
/// Approves, trims or refuses one target's capacity change against the cluster-wide limits. Scale-in and no-change are
/// always approved. Scale-out gets at most the headroom left under the total-capacity cap after reserving what
/// higher-priority targets are already waiting for, and at most what the budget affords: nothing once the forecast spend
/// is at the critical level, otherwise no more than keeps the forecast within the budget.
/// </summary>
public static class CapacityArbiter
{
    /// <summary>Decides one request. <paramref name="waiting"/> are other targets' requests the supervisor queued earlier.</summary>
    public static CapacityGrant Decide(CapacityRequest request, ClusterUsage usage, ClusterLimits limits, IReadOnlyList<CapacityRequest> waiting)
    {
        var budget = limits.LevelFor(usage.ForecastMonthSpend);
        if (request.Increase == 0)
        {
            return new CapacityGrant(request.Target, request.Requested, null, budget, "no increase: approved");
        }

        var allowed = request.Increase;
        string? limitedBy = null;
        var reasons = new List<string>();

        if (limits.MaxTotalCapacity is { } cap)
        {
            var reserved = 0;
            foreach (var other in waiting)
            {
                if (other.Target != request.Target && other.Priority > request.Priority)
                {
                    reserved += other.Increase;
                }
            }

            var headroom = Math.Max(0, cap - usage.TotalCapacity);
            var forThisTarget = Math.Max(0, headroom - reserved);
            if (forThisTarget < allowed)
            {
                allowed = forThisTarget;
                limitedBy = reserved > 0 && headroom >= request.Increase ? "Priority" : "TotalCapacity";
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"total capacity {usage.TotalCapacity} of {cap}, {reserved} reserved for higher priority -> +{allowed}"));
            }
        }

        if (limits.MonthlyBudget is { } monthly)
        {
            if (budget == BudgetLevel.Critical)
            {
                allowed = 0;
                limitedBy = "Budget";
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"forecast spend {usage.ForecastMonthSpend:0.00} is at the critical level of budget {monthly:0.00}: scale-out capped"));
            }
            else if (request.UnitCostPerHour > 0 && usage.HoursLeftInMonth > 0)
            {
                var perUnit = request.UnitCostPerHour * (decimal)usage.HoursLeftInMonth;
                var criticalSpend = monthly * (decimal)(limits.CriticalPercent / 100);
                var affordable = (int)Math.Floor(Math.Max(0, criticalSpend - usage.ForecastMonthSpend) / perUnit);
                if (affordable < allowed)
                {
                    allowed = affordable;
                    limitedBy = "Budget";
                    reasons.Add(string.Create(CultureInfo.InvariantCulture,
                        $"budget {monthly:0.00}: forecast {usage.ForecastMonthSpend:0.00}, each unit adds {perUnit:0.00} this month -> +{allowed}"));
                }
            }
        }

        var granted = request.Current + allowed;
        var explanation = limitedBy is null
            ? string.Create(CultureInfo.InvariantCulture, $"+{request.Increase} within cluster limits: approved")
            : string.Create(CultureInfo.InvariantCulture, $"requested {request.Requested}, granted {granted}: {string.Join("; ", reasons)}");
        return new CapacityGrant(request.Target, granted, limitedBy, budget, explanation);
    }
}
