namespace Autoscaler.Scaling.Agents;

/// <summary>Metrics derived from a pool's agents (the seed's MisterSmith custom metrics).</summary>
/// <param name="ActiveAgentCount">Agents reporting, ready, within the staleness limit.</param>
/// <param name="MissingAgentCount">Agents silent past the staleness limit that never said they stopped.</param>
/// <param name="NotReadyAgentCount">Agents reporting but not ready.</param>
/// <param name="PendingTaskCount">Sum of the active agents' pending tasks.</param>
/// <param name="AgentUtilization">Mean busy percent of the active agents (null: none reports it).</param>
/// <param name="AverageResponseTime">Mean response time of the active agents in ms (null: none reports it).</param>
public sealed record AgentPoolMetrics(
    int ActiveAgentCount, int MissingAgentCount, int NotReadyAgentCount, double PendingTaskCount, double? AgentUtilization, double? AverageResponseTime)
{
    /// <summary>The derived metrics by their published names, for policies to target.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>
        {
            ["ActiveAgentCount"] = ActiveAgentCount,
            ["MissingAgentCount"] = MissingAgentCount,
            ["PendingTaskCount"] = PendingTaskCount,
        };
        if (AgentUtilization is { } utilization)
        {
            metrics["AgentUtilization"] = utilization;
        }

        if (AverageResponseTime is { } responseTime)
        {
            metrics["AverageResponseTime"] = responseTime;
        }

        return metrics;
    }

    /// <summary>Derives the pool's metrics from its agents at <paramref name="now"/>.</summary>
    public static AgentPoolMetrics From(IEnumerable<AgentRecord> agents, DateTimeOffset now, TimeSpan staleness, AgentMetricNames names)
    {
        int active = 0, missing = 0, notReady = 0, utilizationCount = 0, responseCount = 0;
        double pending = 0, utilization = 0, response = 0;
        foreach (var agent in agents)
        {
            if (agent.IsMissing(now, staleness))
            {
                missing++;
                continue;
            }

            if (agent.Stopped)
            {
                continue;
            }

            if (!agent.Ready)
            {
                notReady++;
                continue;
            }

            active++;
            if (agent.Latest.TryGetValue(names.PendingTasks, out var tasks))
            {
                pending += tasks;
            }

            if (agent.Latest.TryGetValue(names.Utilization, out var busy))
            {
                utilization += busy;
                utilizationCount++;
            }

            if (agent.Latest.TryGetValue(names.ResponseTime, out var latency))
            {
                response += latency;
                responseCount++;
            }
        }

        return new AgentPoolMetrics(
            active,
            missing,
            notReady,
            pending,
            utilizationCount == 0 ? null : utilization / utilizationCount,
            responseCount == 0 ? null : response / responseCount);
    }
}
