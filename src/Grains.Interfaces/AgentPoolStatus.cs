namespace Autoscaler.Grains.Interfaces;

/// <summary>An agent pool: its agents and derived metrics.</summary>
/// <param name="Pool">Pool id (the target it scales).</param>
/// <param name="Agents">Every agent known, active first.</param>
/// <param name="Metrics">Derived metrics: <c>ActiveAgentCount</c>, <c>MissingAgentCount</c>, <c>PendingTaskCount</c>,
/// <c>AgentUtilization</c>, <c>AverageResponseTime</c>.</param>
/// <param name="AgentHoursThisMonth">Active agent-hours accrued this UTC month.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AgentPoolStatus")]
public sealed record AgentPoolStatus(string Pool, IReadOnlyList<AgentSummary> Agents, IReadOnlyDictionary<string, double> Metrics, double AgentHoursThisMonth);
