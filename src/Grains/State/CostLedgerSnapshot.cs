using Autoscaler.Scaling.Cost;

namespace Autoscaler.Grains.State;

/// <summary>A cost ledger (capacity-hours and spend per hour, day and month) as grain state stores it.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.CostLedgerSnapshot")]
public sealed record CostLedgerSnapshot(
    DateTimeOffset AccruedUntil, CostBucketSnapshot Hour, CostBucketSnapshot Day, CostBucketSnapshot Month, decimal PreviousMonthCost)
{
    /// <summary>The engine's ledger.</summary>
    public CostLedger ToLedger() => new(AccruedUntil, Hour.ToBucket(), Day.ToBucket(), Month.ToBucket(), PreviousMonthCost);

    /// <summary>The stored form of <paramref name="ledger"/>; null stays null.</summary>
    public static CostLedgerSnapshot? Of(CostLedger? ledger) => ledger is null
        ? null
        : new(ledger.AccruedUntil, CostBucketSnapshot.Of(ledger.Hour), CostBucketSnapshot.Of(ledger.Day), CostBucketSnapshot.Of(ledger.Month),
            ledger.PreviousMonthCost);
}
