namespace Autoscaler.Scaling.Agents;

/// <summary>What a pool knows of one agent: when it was seen, whether it is ready, and its latest metric values.</summary>
/// <param name="Id">The agent's <c>source</c> id.</param>
/// <param name="FirstSeen">First sample or <c>started</c> event.</param>
/// <param name="LastSeen">Latest sample or lifecycle event.</param>
/// <param name="Ready">The agent's latest readiness.</param>
/// <param name="Stopped">The agent said <c>stopped</c> (it left on purpose: not missing).</param>
/// <param name="Latest">Latest value of each metric the agent reports.</param>
public sealed record AgentRecord(
    string Id, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool Ready, bool Stopped, IReadOnlyDictionary<string, double> Latest)
{
    /// <summary>An agent that just announced itself.</summary>
    public static AgentRecord Started(string id, DateTimeOffset at) => new(id, at, at, true, false, new Dictionary<string, double>());

    /// <summary>Silent for longer than <paramref name="staleness"/> without having said it stopped.</summary>
    public bool IsMissing(DateTimeOffset now, TimeSpan staleness) => !Stopped && now - LastSeen > staleness;

    /// <summary>Reporting, ready, not stopped.</summary>
    public bool IsActive(DateTimeOffset now, TimeSpan staleness) => !Stopped && Ready && now - LastSeen <= staleness;
}
