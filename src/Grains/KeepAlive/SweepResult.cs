namespace Autoscaler.Grains.KeepAlive;

/// <summary>What one keep-alive sweep on one silo did.</summary>
/// <param name="Silos">Active silos the grains were partitioned over (0 when this silo was not active yet).</param>
/// <param name="Owned">Targets and alarms this silo owned in the sweep.</param>
/// <param name="Failed">Touches that failed (tried again at the next sweep).</param>
public sealed record SweepResult(int Silos, int Owned, int Failed);
