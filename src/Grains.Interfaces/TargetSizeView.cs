namespace Autoscaler.Grains.Interfaces;

/// <summary>What a target's replicas run as.</summary>
/// <param name="Vcpu">vCPU per replica, or null when unknown.</param>
/// <param name="MemoryGiB">Memory per replica in GiB, or null when unknown.</param>
/// <param name="Source">Where the size comes from: <c>applied</c>, <c>configured</c> or <c>unknown</c>.</param>
/// <param name="ChangedAt">When the last applied change was made.</param>
/// <param name="ChangedBy">Who made it.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetSizeView")]
public sealed record TargetSizeView(double? Vcpu, double? MemoryGiB, string Source, DateTimeOffset? ChangedAt = null, string? ChangedBy = null);
