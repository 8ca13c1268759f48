namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>What the Docker host has free right now: available memory in MiB and, when known, idle CPUs.</summary>
/// <param name="AvailableMemoryMb">Memory available for new containers (Linux <c>MemAvailable</c>), in MiB.</param>
/// <param name="IdleCpus">CPUs not in use (cores minus the one-minute load average), or null when unknown.</param>
public sealed record HostCapacityReading(double AvailableMemoryMb, double? IdleCpus);
