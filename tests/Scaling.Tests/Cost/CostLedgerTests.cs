using Autoscaler.Scaling.Cost;

namespace Autoscaler.Scaling.Tests.Cost;

public sealed class CostLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 31, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Capacity_hours_times_price_accrue_in_the_current_hour_day_and_month()
    {
        var ledger = CostLedger.StartingAt(Start).AccrueUntil(Start.AddMinutes(15), capacity: 4, unitPricePerHour: 0.10m);

        Assert.Equal(1.0, ledger.Hour.CapacityHours, 9);
        Assert.Equal(0.10m, ledger.Hour.Cost);
        Assert.Equal(0.10m, ledger.Day.Cost);
        Assert.Equal(0.10m, ledger.Month.Cost);
    }

    [Fact]
    public void A_span_across_midnight_at_month_end_rolls_hour_day_and_month_and_keeps_the_previous_month()
    {
        // 22:30 -> 00:30 next day (Feb 1st): 2 h at 3 units = 6 unit-hours, 1.5 h in January and 0.5 h in February.
        var ledger = CostLedger.StartingAt(Start).AccrueUntil(Start.AddHours(2), capacity: 3, unitPricePerHour: 1m);

        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), ledger.Month.Start);
        Assert.Equal(4.5m, ledger.PreviousMonthCost);
        Assert.Equal(1.5m, ledger.Month.Cost);
        Assert.Equal(1.5m, ledger.Day.Cost);
        Assert.Equal(1.5m, ledger.Hour.Cost);
    }

    [Fact]
    public void Accruing_to_an_earlier_time_changes_nothing()
    {
        var ledger = CostLedger.StartingAt(Start).AccrueUntil(Start.AddMinutes(30), 2, 1m);

        Assert.Equal(ledger, ledger.AccrueUntil(Start.AddMinutes(10), 50, 1m));
    }

    [Fact]
    public void Month_end_forecast_is_month_to_date_plus_current_capacity_until_the_month_ends()
    {
        var monthStart = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var ledger = CostLedger.StartingAt(monthStart).AccrueUntil(monthStart.AddDays(10), capacity: 2, unitPricePerHour: 0.5m);

        // April has 30 days: 10 days accrued (240 h × 2 × 0.5 = 240) + 20 days left at 2 units (480 h × 2 × 0.5 = 480).
        Assert.Equal(720m, ledger.ForecastMonthEnd(monthStart.AddDays(10), 2, 0.5m));
    }
}
