namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Capacity as the target system reports it. <see cref="Running"/> and <see cref="Pending"/> are null where the system
/// does not tell (e.g. a webhook that only acknowledges).
/// </summary>
public sealed record ObservedCapacity(int Desired, int? Running = null, int? Pending = null);
