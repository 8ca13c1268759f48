namespace Autoscaler.Grains.Interfaces;

/// <summary>A target's spend: capacity-unit-hours × unit price.</summary>
/// <param name="UnitCostPerHour">Price of one unit for one hour.</param>
/// <param name="Hour">This UTC hour so far.</param>
/// <param name="Day">This UTC day so far.</param>
/// <param name="Month">This UTC month so far.</param>
/// <param name="ForecastMonthEnd">Month so far plus the current capacity until the month ends.</param>
/// <param name="CapacityHoursThisMonth">Capacity-unit-hours this month.</param>
/// <param name="CostPerAgentHour">For agent pools: month cost / agent-hours (null otherwise or before any agent-hour).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.CostReport")]
public sealed record CostReport(
    decimal UnitCostPerHour, decimal Hour, decimal Day, decimal Month, decimal ForecastMonthEnd, double CapacityHoursThisMonth, decimal? CostPerAgentHour);
