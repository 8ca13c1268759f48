using Autoscaler.Adapters.Sources.Hosting;
using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// End to end through configuration: a host with a Prometheus source, a PostgreSQL source and a broken source delivers
/// to the sink, and readiness is degraded (not unhealthy) naming the broken one.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class MetricSourceHostingTests(PrometheusServer prometheus)
{
    [Fact]
    public async Task Configured_sources_deliver_to_the_sink_and_a_broken_one_degrades_readiness()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("srchost");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE invoices (id int, sent boolean); INSERT INTO invoices VALUES (1, false), (2, false), (3, true);", connection);
            await create.ExecuteNonQueryAsync();
        }

        var sink = new RecordingTelemetrySink();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Autoscaler"] = database,
            ["Sources:0:Kind"] = "prometheus",
            ["Sources:0:Target"] = "checkout",
            ["Sources:0:Metric"] = "queue",
            ["Sources:0:Query"] = "queue_depth",
            ["Sources:0:Url"] = prometheus.Url.ToString(),
            ["Sources:0:InstanceLabel"] = "pod",
            ["Sources:0:Jitter"] = "00:00:00",
            ["Sources:1:Kind"] = "postgresql",
            ["Sources:1:Target"] = "billing",
            ["Sources:1:Metric"] = "backlog",
            ["Sources:1:Query"] = "SELECT count(*) FROM invoices WHERE NOT sent",
            ["Sources:1:Jitter"] = "00:00:00",
            ["Sources:2:Kind"] = "postgresql",
            ["Sources:2:Target"] = "billing",
            ["Sources:2:Metric"] = "broken",
            ["Sources:2:Query"] = "SELECT missing_column FROM invoices",
            ["Sources:2:Jitter"] = "00:00:00",
        });
        builder.Services.AddSingleton<ITelemetrySink>(sink);
        builder.Services.AddAutoscalerMetricSources(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        await sink.WaitForAsync("checkout", 2);
        await sink.WaitForAsync("billing", 1);
        var pollers = host.Services.GetRequiredService<MetricSourcePollers>();
        await WaitForFirstPollAsync(pollers.All[2]);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        await host.StopAsync();

        Assert.Equal(
            [("worker-a", 7.0), ("worker-b", 12.5)],
            sink.For("checkout").Take(2).Select(s => (s.Source, s.Metrics["queue"])).OrderBy(p => p.Source));
        var backlog = sink.For("billing")[0];
        Assert.Equal(("backlog", 2.0), (backlog.Source, backlog.Metrics["backlog"]));
        var entry = report.Entries[MetricSourcesHealthCheck.Name];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("1 of 3 metric source(s) failing: 2:postgresql:billing/broken (1x: the query failed (42703:", entry.Description);
    }

    // The broken source delivers nothing, so its first poll is observed through its status (bounded, no sleeping).
    private static async Task WaitForFirstPollAsync(MetricSourcePoller poller)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (poller.Status.Polls == 0)
        {
            await timer.WaitForNextTickAsync(deadline.Token);
        }
    }
}
