using Autoscaler.Scaling.Agents;

namespace Autoscaler.Scaling.Tests.Agents;

public sealed class AgentPoolMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(60);

    private static AgentRecord Agent(string id, int secondsAgo, bool ready = true, bool stopped = false, double? pending = null, double? utilization = null, double? responseMs = null)
    {
        var latest = new Dictionary<string, double>();
        if (pending is { } p)
        {
            latest["pending_tasks"] = p;
        }

        if (utilization is { } u)
        {
            latest["utilization"] = u;
        }

        if (responseMs is { } r)
        {
            latest["response_time_ms"] = r;
        }

        return new AgentRecord(id, Now.AddHours(-1), Now.AddSeconds(-secondsAgo), ready, stopped, latest);
    }

    [Fact]
    public void Seed_000_metrics_come_from_active_agents_only()
    {
        var agents = new[]
        {
            Agent("a1", 5, pending: 10, utilization: 80, responseMs: 400),
            Agent("a2", 10, pending: 30, utilization: 60, responseMs: 600),
            Agent("silent", 120, pending: 99, utilization: 100),
            Agent("warming", 1, ready: false, pending: 50),
            Agent("left", 200, stopped: true, pending: 70),
        };

        var metrics = AgentPoolMetrics.From(agents, Now, Staleness, AgentMetricNames.Default);

        Assert.Equal(new AgentPoolMetrics(2, 1, 1, 40, 70, 500), metrics);
    }

    [Fact]
    public void An_agent_silent_past_the_staleness_limit_is_missing_but_one_that_said_stopped_is_not()
    {
        Assert.True(Agent("x", 61).IsMissing(Now, Staleness));
        Assert.False(Agent("x", 60).IsMissing(Now, Staleness));
        Assert.False(Agent("x", 600, stopped: true).IsMissing(Now, Staleness));
    }

    [Fact]
    public void Derived_metrics_use_the_published_names_and_omit_averages_nobody_reports()
    {
        var metrics = AgentPoolMetrics.From([Agent("a", 1, pending: 3)], Now, Staleness, AgentMetricNames.Default).ToMetrics();

        Assert.Equal(1, metrics["ActiveAgentCount"]);
        Assert.Equal(3, metrics["PendingTaskCount"]);
        Assert.False(metrics.ContainsKey("AgentUtilization"));
    }
}
