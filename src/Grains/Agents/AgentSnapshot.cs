using Autoscaler.Scaling.Agents;

namespace Autoscaler.Grains.Agents;

/// <summary>One agent of a pool as grain state stores it.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.AgentSnapshot")]
public sealed record AgentSnapshot(
    string Id, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool Ready, bool Stopped, IReadOnlyDictionary<string, double> Latest)
{
    /// <summary>The engine's agent record.</summary>
    public AgentRecord ToRecord() => new(Id, FirstSeen, LastSeen, Ready, Stopped, Latest);

    /// <summary>The stored form of <paramref name="agent"/>.</summary>
    public static AgentSnapshot Of(AgentRecord agent) => new(agent.Id, agent.FirstSeen, agent.LastSeen, agent.Ready, agent.Stopped, agent.Latest);
}
