using Autoscaler.Adapters.Sources;
using Autoscaler.Adapters.Sources.Hosting;
using Autoscaler.Adapters.Tests.Aws;
using Autoscaler.Adapters.Tests.Telemetry;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>Section <c>Sources</c>: defaults, the connection string fallback, and start-up messages that name the key.</summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class MetricSourcesOptionsTests
{
    [Fact]
    public void Double_underscore_environment_variables_bind_a_list_with_defaults()
    {
        const string Prefix = "AUTOSCALER_SOURCES_TEST_";
        var variables = new Dictionary<string, string>
        {
            [Prefix + "ConnectionStrings__Autoscaler"] = "Host=127.0.0.1;Database=autoscaler",
            [Prefix + "Sources__0__Kind"] = "prometheus",
            [Prefix + "Sources__0__Target"] = "checkout",
            [Prefix + "Sources__0__Metric"] = "queue",
            [Prefix + "Sources__0__Query"] = "sum by (pod) (queue_depth)",
            [Prefix + "Sources__0__Url"] = "http://127.0.0.1:9090",
            [Prefix + "Sources__0__InstanceLabel"] = "pod",
            [Prefix + "Sources__1__Kind"] = "postgresql",
            [Prefix + "Sources__1__Target"] = "billing",
            [Prefix + "Sources__1__Metric"] = "backlog",
            [Prefix + "Sources__1__Query"] = "SELECT count(*) FROM invoices WHERE sent_at IS NULL",
            [Prefix + "Sources__1__Interval"] = "00:01:00",
            [Prefix + "Sources__1__StaleAfterFailures"] = "0",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var sources = Resolve(new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build()).Sources;

            Assert.Equal(2, sources.Count);
            var prometheus = sources[0];
            Assert.Equal(
                (MetricSourceKind.Prometheus, "checkout", "queue", "pod", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(1.5)),
                (prometheus.Kind, prometheus.Target, prometheus.Metric, prometheus.InstanceLabel, prometheus.Interval, prometheus.Timeout,
                    prometheus.StaleAfterFailures, prometheus.EffectiveJitter));
            var postgres = sources[1];
            Assert.Equal(
                (MetricSourceKind.PostgreSql, "Host=127.0.0.1;Database=autoscaler", TimeSpan.FromMinutes(1), 0),
                (postgres.Kind, postgres.ConnectionString, postgres.Interval, postgres.StaleAfterFailures));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void No_section_means_no_sources()
    {
        Assert.Empty(Resolve(new ConfigurationBuilder().Build()).Sources);
    }

    [Theory]
    [InlineData("Kind", null, "Sources:0:Kind is required: prometheus or postgresql.")]
    [InlineData("Target", "", "Sources:0:Target is required: the scale target that receives the samples.")]
    [InlineData("Metric", "queue depth", "Sources:0:Metric 'queue depth' must not contain whitespace.")]
    [InlineData("Query", "", "Sources:0:Query is required: the PromQL query.")]
    [InlineData("Url", "ftp://prometheus", "Sources:0:Url is required for a prometheus source: the server's http(s) base URL, e.g. http://127.0.0.1:9090.")]
    [InlineData("Timeout", "00:00:20", "Sources:0:Timeout must be positive and at most Sources:0:Interval (was 00:00:20, interval 00:00:15).")]
    [InlineData("Interval", "00:00:00", "Sources:0:Interval must be positive (was 00:00:00).")]
    [InlineData("StaleAfterFailures", "-1", "Sources:0:StaleAfterFailures must be 0 or more (was -1).")]
    [InlineData("Jitter", "00:01:00", "Sources:0:Jitter must be between 0 and Sources:0:Interval (was 00:01:00).")]
    public void A_bad_prometheus_source_fails_at_start_up_naming_the_key(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:0:Kind"] = "prometheus",
            ["Sources:0:Target"] = "checkout",
            ["Sources:0:Metric"] = "queue",
            ["Sources:0:Query"] = "queue_depth",
            ["Sources:0:Url"] = "http://127.0.0.1:9090",
        };
        settings["Sources:0:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(configuration));

        Assert.Contains(message, error.Failures);
    }

    [Fact]
    public void An_unknown_kind_fails_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:0:Kind"] = "influxdb",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => Resolve(configuration));

        Assert.Contains("'Sources:0:Kind'", error.Message);
    }

    [Fact]
    public void A_postgresql_source_needs_a_connection_string_somewhere()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:3:Kind"] = "PostgreSql",
            ["Sources:3:Target"] = "billing",
            ["Sources:3:Metric"] = "backlog",
            ["Sources:3:Query"] = "SELECT 1",
        }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(configuration));

        Assert.Equal(
            ["Sources:3:ConnectionString is required for a postgresql source when ConnectionStrings:Autoscaler is not set."],
            error.Failures);
    }

    private static MetricSourcesOptions Resolve(IConfiguration configuration)
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ITelemetrySink, RecordingTelemetrySink>()
            .AddAutoscalerMetricSources(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<MetricSourcesOptions>>().Value;
    }
}
