namespace Autoscaler.Scaling.Agents;

/// <summary>Which reported metrics feed a pool's derived metrics.</summary>
/// <param name="PendingTasks">Per-agent queue length, summed into <c>PendingTaskCount</c>.</param>
/// <param name="Utilization">Per-agent busy percent, averaged into <c>AgentUtilization</c>.</param>
/// <param name="ResponseTime">Per-agent response time (ms), averaged into <c>AverageResponseTime</c>.</param>
public sealed record AgentMetricNames(string PendingTasks = "pending_tasks", string Utilization = "utilization", string ResponseTime = "response_time_ms")
{
    /// <summary>The names above.</summary>
    public static AgentMetricNames Default { get; } = new();
}
