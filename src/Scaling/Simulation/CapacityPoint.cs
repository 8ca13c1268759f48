namespace Autoscaler.Scaling.Simulation;

/// <summary>From <see cref="At"/> on, <see cref="Capacity"/> units were running.</summary>
public readonly record struct CapacityPoint(DateTimeOffset At, int Capacity);
