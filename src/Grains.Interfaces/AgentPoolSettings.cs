namespace Autoscaler.Grains.Interfaces;

/// <summary>Makes a target an agent pool: its instances are agents that register, heartbeat and leave.</summary>
/// <param name="StalenessSeconds">An agent silent longer than this counts as a missing instance.</param>
/// <param name="CostPerAgentHourTarget">Cost goal per agent-hour (seed: under $0.10), reported against the actual.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AgentPoolSettings")]
public sealed record AgentPoolSettings(int StalenessSeconds = 60, decimal CostPerAgentHourTarget = 0.10m);
