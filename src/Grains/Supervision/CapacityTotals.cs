using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Supervision;

/// <summary>
/// The registry's sums (capacity and forecast month spend), kept as reports come and go, so a capacity request reads them
/// in constant time instead of summing every registered target: with 30,000 targets asking at once, summing per request
/// made a burst quadratic and the supervisor's queue ran past the callers' time-out. Exact: integers and decimals.
/// </summary>
internal sealed class CapacityTotals
{
    /// <summary>Sum of the registered targets' capacities.</summary>
    public long Capacity { get; private set; }

    /// <summary>Sum of the registered targets' forecast month spend.</summary>
    public decimal ForecastMonthSpend { get; private set; }

    /// <summary>Totals of <paramref name="targets"/>, summed once (at activation).</summary>
    public static CapacityTotals Of(IEnumerable<TargetCapacityReport> targets)
    {
        var totals = new CapacityTotals();
        foreach (var report in targets)
        {
            totals.Replace(null, report);
        }

        return totals;
    }

    /// <summary>One target's report replaced (<paramref name="before"/> null: it is new; <paramref name="after"/> null: it left).</summary>
    public void Replace(TargetCapacityReport? before, TargetCapacityReport? after)
    {
        Capacity += (after?.Capacity ?? 0) - (long)(before?.Capacity ?? 0);
        ForecastMonthSpend += (after?.ForecastMonthSpend ?? 0m) - (before?.ForecastMonthSpend ?? 0m);
    }
}
