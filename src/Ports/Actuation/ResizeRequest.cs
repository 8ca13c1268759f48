namespace Autoscaler.Ports.Actuation;

/// <summary>Run every replica at <see cref="Vcpu"/> vCPU and <see cref="MemoryGiB"/> GiB; <see cref="RequestId"/>
/// identifies the change (logged, and the idempotency key where the system takes one).</summary>
public sealed record ResizeRequest(string RequestId, double Vcpu, double MemoryGiB);
