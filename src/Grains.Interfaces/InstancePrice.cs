namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// The price a sized target is charged per running instance: its size priced by the deployment's price model
/// (on-demand vCPU-hour and GiB-hour, the Spot share discounted).
/// </summary>
/// <param name="Vcpu">vCPU per instance.</param>
/// <param name="MemoryGiB">Memory per instance in GiB.</param>
/// <param name="HourlyPrice">What one instance costs per hour.</param>
/// <param name="Source"><c>configured</c> (the deployment's size for the target) or <c>applied</c> (the last size change).</param>
/// <param name="SpotShare">The share of instance-hours run on Spot (0 when none).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.InstancePrice")]
public sealed record InstancePrice(double Vcpu, double MemoryGiB, decimal HourlyPrice, string Source, double SpotShare);
