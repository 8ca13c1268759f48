using System.Globalization;
using Autoscaler.Scaling.Cost;

namespace Autoscaler.Scaling.Supervision.Budget;

/// <summary>
/// Budget thresholds (seed: "monthly_budget $5000, threshold 80: notify, reduce max capacity") turned into actions,
/// pure: the month-end spend forecast against the budget reaches a threshold → its action, once per budget period
/// (calendar month, UTC); at a new period every reduced max capacity is restored and the thresholds are armed again.
/// A reduction lowers each target's max by the threshold's step, never below the target's min.
/// </summary>
public static class BudgetActions
{
    /// <summary>The plan at <paramref name="now"/> for a scope whose last plan was kept as
    /// <paramref name="periodStart"/>/<paramref name="fired"/>.</summary>
    public static BudgetActionPlan Plan(
        DateTimeOffset now,
        decimal? monthlyBudget,
        decimal forecastMonthSpend,
        IReadOnlyList<BudgetThreshold> thresholds,
        DateTimeOffset? periodStart,
        IReadOnlySet<string> fired,
        IReadOnlyList<BudgetTargetLimit> targets)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(fired);
        ArgumentNullException.ThrowIfNull(targets);
        var period = CostPeriod.MonthStart(now);
        var changes = new List<MaxCapacityChange>();
        var limits = targets.ToList();
        var keep = new HashSet<string>(fired, StringComparer.Ordinal);
        if (periodStart is { } last && last != period)
        {
            keep.Clear();
            for (var i = 0; i < limits.Count; i++)
            {
                if (limits[i].OriginalMax is { } original)
                {
                    changes.Add(new MaxCapacityChange(limits[i].Target, limits[i].Max, original, null,
                        $"budget period {period:yyyy-MM} began: max capacity restored to {original}"));
                    limits[i] = limits[i] with { Max = original, OriginalMax = null };
                }
            }
        }

        double? percent = monthlyBudget is { } budget and > 0 ? (double)(forecastMonthSpend / budget * 100) : null;
        var reached = new List<BudgetThreshold>();
        if (percent is { } share)
        {
            foreach (var threshold in thresholds.Where(t => t.Problem() is null).OrderBy(t => t.Percent))
            {
                if (share + 1e-9 < threshold.Percent || !keep.Add(threshold.Key))
                {
                    continue;
                }

                reached.Add(threshold);
                if (threshold.Action == BudgetActionKind.ReduceMaxCapacity)
                {
                    Reduce(limits, changes, threshold, share, monthlyBudget!.Value, forecastMonthSpend);
                }
            }
        }

        return new BudgetActionPlan(period, reached, changes, keep, percent);
    }

    private static void Reduce(List<BudgetTargetLimit> limits, List<MaxCapacityChange> changes, BudgetThreshold threshold, double share, decimal budget, decimal forecast)
    {
        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            var lowered = Math.Max(limit.Min, limit.Max - threshold.Step);
            if (lowered >= limit.Max)
            {
                continue; // already at its min: nothing to lower
            }

            var original = limit.OriginalMax ?? limit.Max;
            changes.Add(new MaxCapacityChange(limit.Target, limit.Max, lowered, original, string.Create(CultureInfo.InvariantCulture,
                $"budget {threshold.Percent:0.##} % reached (forecast {forecast:0.00} of {budget:0.00}, {share:0.#} %): max capacity {limit.Max} → {lowered} until the next period")));
            limits[i] = limit with { Max = lowered, OriginalMax = original };
        }
    }
}
