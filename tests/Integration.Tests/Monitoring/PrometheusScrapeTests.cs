using System.Globalization;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>A real Prometheus (Debian's) scrapes the silo with the scrape token and answers a PromQL query with a
/// registered target's capacity.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class PrometheusScrapeTests(MonitoringSilo silo)
{
    [Fact]
    public async Task Prometheus_scrapes_the_silo_and_a_query_returns_a_targets_current_capacity()
    {
        using var admin = silo.Client(TestKeys.Admin);
        (await admin.PutAsync("/api/autoscaling/targets/prom-web", Bodies.Json(Bodies.Target(min: 1, max: 9, initial: 4)))).EnsureSuccessStatusCode().Dispose();

        await using var prometheus = PrometheusProcess.Start($"""
              - job_name: autoscaler
                metrics_path: /metrics
                authorization:
                  credentials: {MonitoringSilo.ScrapeToken}
                static_configs:
                  - targets: ['{silo.BaseAddress.Authority}']

            """);
        var result = await prometheus.WaitForAsync("autoscaler_target_capacity_current{target=\"prom-web\"}", TimeSpan.FromSeconds(60));

        var series = Assert.Single(result);
        Assert.Equal("autoscaler", series.GetProperty("metric").GetProperty("job").GetString());
        Assert.Equal(4, double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));
        var max = await prometheus.WaitForAsync("autoscaler_target_capacity_max{target=\"prom-web\"}", TimeSpan.FromSeconds(10));
        Assert.Equal("9", max[0].GetProperty("value")[1].GetString());
    }
}
