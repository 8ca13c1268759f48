using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;

namespace Autoscaler.Grains.Tests.Agents;

[Collection(ClusterCollection.Name)]
public sealed class AgentPoolGrainTests(ClusterFixture fixture)
{
    private static TelemetrySample Sample(string agent, DateTimeOffset at, double pending, double utilization) =>
        new(agent, at, new Dictionary<string, double> { ["pending_tasks"] = pending, ["utilization"] = utilization });

    [Fact]
    public async Task An_agent_silent_past_the_pool_staleness_limit_becomes_missing_and_stops_counting_as_active()
    {
        var pool = fixture.Client.GetGrain<IAgentPoolGrain>($"pool-{Guid.NewGuid():N}");
        var now = fixture.Clock.GetUtcNow();
        await pool.LifecycleAsync(new AgentLifecycleEvent("a1", AgentLifecycleKind.Started, now));
        var metrics = await pool.ObserveAsync([Sample("a1", now, 4, 50), Sample("a2", now, 6, 70)], stalenessSeconds: 30);
        Assert.Equal(2, metrics["ActiveAgentCount"]);
        Assert.Equal(10, metrics["PendingTaskCount"]);
        Assert.Equal(60, metrics["AgentUtilization"]);

        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        metrics = await pool.ObserveAsync([Sample("a1", fixture.Clock.GetUtcNow(), 5, 90)], stalenessSeconds: 30);
        Assert.Equal(2, metrics["ActiveAgentCount"]);

        fixture.Clock.Advance(TimeSpan.FromSeconds(15));
        var status = await pool.GetStatusAsync(stalenessSeconds: 30);
        Assert.Equal(1, status.Metrics["ActiveAgentCount"]);
        Assert.Equal(1, status.Metrics["MissingAgentCount"]);
        Assert.Equal("missing", status.Agents.Single(a => a.Id == "a2").State);
    }

    [Fact]
    public async Task An_agent_that_says_stopped_is_neither_active_nor_missing()
    {
        var pool = fixture.Client.GetGrain<IAgentPoolGrain>($"pool-{Guid.NewGuid():N}");
        var now = fixture.Clock.GetUtcNow();
        await pool.ObserveAsync([Sample("a1", now, 1, 10)], stalenessSeconds: 30);
        await pool.LifecycleAsync(new AgentLifecycleEvent("a1", AgentLifecycleKind.Stopped, now));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var status = await pool.GetStatusAsync(stalenessSeconds: 30);

        Assert.Equal(0, status.Metrics["ActiveAgentCount"]);
        Assert.Equal(0, status.Metrics["MissingAgentCount"]);
        Assert.Equal("stopped", status.Agents.Single().State);
    }

    [Fact]
    public async Task An_unknown_lifecycle_event_is_rejected_naming_the_field()
    {
        var pool = fixture.Client.GetGrain<IAgentPoolGrain>($"pool-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            pool.LifecycleAsync(new AgentLifecycleEvent("a1", (AgentLifecycleKind)42, fixture.Clock.GetUtcNow())));

        Assert.StartsWith("event:", error.Message, StringComparison.Ordinal);
    }
}
