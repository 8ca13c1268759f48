namespace Autoscaler.Scaling.Cost;

/// <summary>
/// Running cost of one target: capacity-unit-hours × unit price, bucketed per UTC hour, day and month. Immutable; every
/// accrual returns a new ledger, so a grain can persist it as plain data. Time only ever comes in as an argument.
/// </summary>
/// <param name="AccruedUntil">Everything before this instant is accounted for.</param>
/// <param name="Hour">The current hour's bucket.</param>
/// <param name="Day">The current day's bucket.</param>
/// <param name="Month">The current month's bucket.</param>
/// <param name="PreviousMonthCost">The whole previous month's cost (kept for reports).</param>
public sealed record CostLedger(DateTimeOffset AccruedUntil, CostBucket Hour, CostBucket Day, CostBucket Month, decimal PreviousMonthCost)
{
    /// <summary>An empty ledger that starts accounting at <paramref name="start"/>.</summary>
    public static CostLedger StartingAt(DateTimeOffset start) => new(
        start,
        new CostBucket(CostPeriod.HourStart(start), 0, 0m),
        new CostBucket(CostPeriod.DayStart(start), 0, 0m),
        new CostBucket(CostPeriod.MonthStart(start), 0, 0m),
        0m);

    /// <summary>
    /// Accounts for <paramref name="capacity"/> units at <paramref name="unitPricePerHour"/> from <see cref="AccruedUntil"/>
    /// to <paramref name="until"/>, splitting the span at hour, day and month boundaries. A time before
    /// <see cref="AccruedUntil"/> changes nothing (late or repeated calls are harmless).
    /// </summary>
    public CostLedger AccrueUntil(DateTimeOffset until, int capacity, decimal unitPricePerHour)
    {
        var ledger = this;
        while (ledger.AccruedUntil < until)
        {
            var segmentEnd = Min(until, CostPeriod.NextBoundary(ledger.AccruedUntil));
            var hours = (segmentEnd - ledger.AccruedUntil).TotalHours;
            var capacityHours = Math.Max(0, capacity) * hours;
            var cost = (decimal)capacityHours * unitPricePerHour;
            ledger = ledger.Roll(ledger.AccruedUntil) with { AccruedUntil = segmentEnd };
            ledger = ledger with
            {
                Hour = ledger.Hour.Add(capacityHours, cost),
                Day = ledger.Day.Add(capacityHours, cost),
                Month = ledger.Month.Add(capacityHours, cost),
            };
        }

        return ledger.Roll(ledger.AccruedUntil);
    }

    /// <summary>Month-end forecast: the month so far plus <paramref name="capacity"/> units kept until the month ends.</summary>
    public decimal ForecastMonthEnd(DateTimeOffset now, int capacity, decimal unitPricePerHour)
    {
        var current = AccrueUntil(now, capacity, unitPricePerHour);
        var remainingHours = (CostPeriod.NextMonthStart(now) - Max(now, current.AccruedUntil)).TotalHours;
        return current.Month.Cost + (decimal)(Math.Max(0, capacity) * Math.Max(0, remainingHours)) * unitPricePerHour;
    }

    private CostLedger Roll(DateTimeOffset at)
    {
        var ledger = this;
        if (CostPeriod.MonthStart(at) != ledger.Month.Start)
        {
            ledger = ledger with { PreviousMonthCost = ledger.Month.Cost, Month = new CostBucket(CostPeriod.MonthStart(at), 0, 0m) };
        }

        if (CostPeriod.DayStart(at) != ledger.Day.Start)
        {
            ledger = ledger with { Day = new CostBucket(CostPeriod.DayStart(at), 0, 0m) };
        }

        if (CostPeriod.HourStart(at) != ledger.Hour.Start)
        {
            ledger = ledger with { Hour = new CostBucket(CostPeriod.HourStart(at), 0, 0m) };
        }

        return ledger;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
