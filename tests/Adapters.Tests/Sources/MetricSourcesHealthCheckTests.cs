using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Ports.Sources;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static Autoscaler.Adapters.Tests.Sources.ScriptedMetricSource;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>A failing source degrades readiness (never unhealthy) and is named; recovery makes it healthy again.</summary>
public sealed class MetricSourcesHealthCheckTests
{
    [Fact]
    public async Task A_failing_source_is_degraded_and_named_until_it_reads_again()
    {
        var harness = new PollerHarness();
        var check = new MetricSourcesHealthCheck(new MetricSourcePollers([harness.Poller]));
        harness.Source.Then(Values(("a", 1))).Then(MetricSourceResult.Failed("connection refused")).Then(Values(("a", 2)));

        await harness.PollAsync(1);
        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await harness.PollAsync(1);
        var failing = await check.CheckHealthAsync(new HealthCheckContext());
        await harness.PollAsync(1);
        var recovered = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Equal("1 of 1 metric source(s) failing: 0:prometheus:checkout/queue (1x: connection refused)", failing.Description);
        var data = Assert.IsType<Dictionary<string, object?>>(failing.Data["0:prometheus:checkout/queue"]);
        Assert.Equal((2L, 1L), ((long)data["polls"]!, (long)data["failures"]!));
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task No_configured_source_is_healthy()
    {
        var check = new MetricSourcesHealthCheck(new MetricSourcePollers([]));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Healthy, "0 metric source(s) reading"), (result.Status, result.Description));
    }
}
