namespace Autoscaler.Grains.Sizing.State;

/// <summary>A size as the grain stores it: vCPU and memory per replica, when and by whom it was applied.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.SizeSnapshot")]
public sealed record SizeSnapshot(double Vcpu, double MemoryGiB, DateTimeOffset At, string By);
