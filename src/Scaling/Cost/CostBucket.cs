namespace Autoscaler.Scaling.Cost;

/// <summary>Capacity-unit-hours and their cost accrued in one calendar period (UTC hour, day or month).</summary>
/// <param name="Start">Start of the period.</param>
/// <param name="CapacityHours">Capacity units × hours accrued in the period.</param>
/// <param name="Cost">Cost accrued in the period, in the target's currency.</param>
public sealed record CostBucket(DateTimeOffset Start, double CapacityHours, decimal Cost)
{
    /// <summary>Adds an accrual.</summary>
    public CostBucket Add(double capacityHours, decimal cost) => this with { CapacityHours = CapacityHours + capacityHours, Cost = Cost + cost };
}
