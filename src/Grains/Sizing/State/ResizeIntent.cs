namespace Autoscaler.Grains.Sizing.State;

/// <summary>A size change as the grain stores it: written before the platform is asked, settled with its outcome.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.ResizeIntent")]
public sealed record ResizeIntent(
    string RequestId,
    double Vcpu,
    double MemoryGiB,
    string Actor,
    string Reason,
    DateTimeOffset At,
    int Capacity,
    string? Outcome = null,
    string? Message = null,
    string? Revision = null);
