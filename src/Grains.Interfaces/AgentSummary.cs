namespace Autoscaler.Grains.Interfaces;

/// <summary>One agent as its pool sees it.</summary>
/// <param name="Id">Agent id (<c>source</c>).</param>
/// <param name="State"><c>active</c>, <c>not-ready</c>, <c>missing</c> or <c>stopped</c>.</param>
/// <param name="LastSeen">Latest sample or lifecycle event.</param>
/// <param name="Latest">Latest metric values.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AgentSummary")]
public sealed record AgentSummary(string Id, string State, DateTimeOffset LastSeen, IReadOnlyDictionary<string, double> Latest);
