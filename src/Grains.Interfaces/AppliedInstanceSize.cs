namespace Autoscaler.Grains.Interfaces;

/// <summary>A size the platform accepted for a target's instances, as the size grain tells the target after the change.</summary>
/// <param name="Vcpu">vCPU per instance.</param>
/// <param name="MemoryGiB">Memory per instance in GiB.</param>
/// <param name="At">When the change was recorded as applied.</param>
/// <param name="By">Who asked for it.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AppliedInstanceSize")]
public sealed record AppliedInstanceSize(double Vcpu, double MemoryGiB, DateTimeOffset At, string By);
