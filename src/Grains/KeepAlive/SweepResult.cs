namespace Autoscaler.Grains.KeepAlive;

/// <summary>What one keep-alive sweep on one silo did.</summary>
/// <param name="Silos">Active silos the grains were partitioned over (0 when this silo was not active yet).</param>
/// <param name="Owned">Targets and alarms this silo owned in the sweep.</param>
/// <param name="Failed">Touches that failed (tried again at the next sweep).</param>
/// <param name="Away">Targets of this silo's share found living on another silo.</param>
/// <param name="Moved">Of those, the ones asked to migrate here that accepted (0 when rebalancing is off).</param>
public sealed record SweepResult(int Silos, int Owned, int Failed, int Away = 0, int Moved = 0);
