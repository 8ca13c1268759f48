using Autoscaler.Grains.State;

namespace Autoscaler.Grains.Agents;

/// <summary>Persisted state of an <see cref="AgentPoolGrain"/> (grain-owned records; the grain works on the engine's).</summary>
[GenerateSerializer, Alias("autoscaler.AgentPoolState")]
public sealed class AgentPoolState
{
    /// <summary>Every agent known, by id.</summary>
    [Id(0)]
    public Dictionary<string, AgentSnapshot> Agents { get; set; } = [];

    /// <summary>Active agent-hours, accrued like capacity-hours at a unit price of zero.</summary>
    [Id(1)]
    public CostLedgerSnapshot? AgentHours { get; set; }
}
