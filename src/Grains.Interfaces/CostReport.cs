namespace Autoscaler.Grains.Interfaces;

/// <summary>A target's spend: running instances × the price of one instance-hour in effect at each moment.</summary>
/// <param name="UnitCostPerHour">Price of one instance (capacity unit) for one hour now: the sized price when the
/// target has a size, else its definition's unit price.</param>
/// <param name="Hour">This UTC hour so far.</param>
/// <param name="Day">This UTC day so far.</param>
/// <param name="Month">This UTC month so far.</param>
/// <param name="ForecastMonthEnd">Month so far plus the current capacity until the month ends.</param>
/// <param name="CapacityHoursThisMonth">Capacity-unit-hours this month.</param>
/// <param name="CostPerAgentHour">For agent pools: month cost / agent-hours (null otherwise or before any agent-hour).</param>
/// <param name="PricedBy"><c>size</c> (size × price model) or <c>unit</c> (the definition's unit price).</param>
/// <param name="Price">The size and its price when <paramref name="PricedBy"/> is <c>size</c>.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.CostReport")]
public sealed record CostReport(
    decimal UnitCostPerHour, decimal Hour, decimal Day, decimal Month, decimal ForecastMonthEnd, double CapacityHoursThisMonth, decimal? CostPerAgentHour,
    string PricedBy = "unit", InstancePrice? Price = null);
