using Autoscaler.Scaling.Agents;
using Autoscaler.Scaling.Cost;

namespace Autoscaler.Grains.Agents;

/// <summary>Persisted state of an <see cref="AgentPoolGrain"/>.</summary>
[GenerateSerializer, Alias("autoscaler.AgentPoolState")]
public sealed class AgentPoolState
{
    /// <summary>Every agent known, by id.</summary>
    [Id(0)]
    public Dictionary<string, AgentRecord> Agents { get; set; } = [];

    /// <summary>Active agent-hours, accrued like capacity-hours at a unit price of zero.</summary>
    [Id(1)]
    public CostLedger? AgentHours { get; set; }
}
