namespace Autoscaler.Grains.Interfaces;

/// <summary>A target asks its supervisor for a capacity change.</summary>
/// <param name="Target">Target id.</param>
/// <param name="Current">Capacity in effect.</param>
/// <param name="Requested">Capacity the target's policies decided on.</param>
/// <param name="Priority">Higher wins when limits bind.</param>
/// <param name="UnitCostPerHour">Price of one instance (capacity unit) for one hour in effect: the sized price (size × price model) when the target has a size, else its unit price.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetCapacityRequest")]
public sealed record TargetCapacityRequest(string Target, int Current, int Requested, int Priority, decimal UnitCostPerHour);
