namespace Autoscaler.Grains.Interfaces;

/// <summary>What a target tells its supervisor after each change (and periodically): capacity and spend.</summary>
/// <param name="Target">Target id.</param>
/// <param name="Capacity">Capacity now in effect.</param>
/// <param name="Priority">Arbitration priority.</param>
/// <param name="UnitCostPerHour">Price of one instance (capacity unit) for one hour in effect: the sized price (size × price model) when the target has a size, else its unit price.</param>
/// <param name="ForecastMonthSpend">The target's month-end spend forecast at its current capacity.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetCapacityReport")]
public sealed record TargetCapacityReport(string Target, int Capacity, int Priority, decimal UnitCostPerHour, decimal ForecastMonthSpend);
