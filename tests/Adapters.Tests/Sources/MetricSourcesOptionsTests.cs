using Autoscaler.Adapters.Sources;
using Autoscaler.Adapters.Sources.Hosting;
using Autoscaler.Adapters.Tests.Aws;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
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
            [Prefix + "Sources__2__Kind"] = "cloudwatch",
            [Prefix + "Sources__2__Target"] = "worker",
            [Prefix + "Sources__2__Metric"] = "cpu",
            [Prefix + "Sources__2__Region"] = "eu-west-1",
            [Prefix + "Sources__2__Namespace"] = "AWS/ECS",
            [Prefix + "Sources__2__MetricName"] = "CPUUtilization",
            [Prefix + "Sources__2__Dimensions"] = "ClusterName=prod,ServiceName=worker",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var sources = Resolve(new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build()).Sources;

            Assert.Equal(3, sources.Count);
            var prometheus = sources[0];
            Assert.Equal(
                (MetricSourceKind.Prometheus, "checkout", "queue", "pod", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(1.5)),
                (prometheus.Kind, prometheus.Target, prometheus.Metric, prometheus.InstanceLabel, prometheus.Interval, prometheus.Timeout,
                    prometheus.StaleAfterFailures, prometheus.EffectiveJitter));
            var postgres = sources[1];
            Assert.Equal(
                (MetricSourceKind.PostgreSql, "Host=127.0.0.1;Database=autoscaler", TimeSpan.FromMinutes(1), 0),
                (postgres.Kind, postgres.ConnectionString, postgres.Interval, postgres.StaleAfterFailures));
            var cloudWatch = sources[2];
            Assert.Equal(
                (MetricSourceKind.CloudWatch, "eu-west-1", "AWS/ECS", "CPUUtilization", "ClusterName=prod,ServiceName=worker", "Average", 60),
                (cloudWatch.Kind, cloudWatch.Region, cloudWatch.Namespace, cloudWatch.MetricName, cloudWatch.Dimensions, cloudWatch.Statistic,
                    cloudWatch.PeriodSeconds));
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
    [InlineData("Kind", null, "Sources:0:Kind is required: prometheus, postgresql or cloudWatch.")]
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

    [Theory]
    [InlineData("Region", "", "Sources:0:Region is required for a cloudWatch source (or set AWS_REGION): the AWS region, e.g. eu-west-1.")]
    [InlineData("Region", "eu-west-1.evil.example", "Sources:0:Region 'eu-west-1.evil.example' is not an AWS region name such as eu-west-1.")]
    [InlineData("Namespace", "", "Sources:0:Namespace is required: the CloudWatch namespace, e.g. AWS/ECS (or set Sources:0:Query to a CloudWatch expression).")]
    [InlineData("MetricName", " ", "Sources:0:MetricName is required: the CloudWatch metric name, e.g. CPUUtilization (or set Sources:0:Query to a CloudWatch expression).")]
    [InlineData("Statistic", "Median", "Sources:0:Statistic 'Median' is not a CloudWatch statistic: Average, Sum, Maximum, Minimum, SampleCount or a percentile p0-p100 such as p99 or p99.9.")]
    [InlineData("Statistic", "p101", "Sources:0:Statistic 'p101' is not a CloudWatch statistic: Average, Sum, Maximum, Minimum, SampleCount or a percentile p0-p100 such as p99 or p99.9.")]
    [InlineData("PeriodSeconds", "45", "Sources:0:PeriodSeconds must be 1, 5, 10, 20, 30 or a multiple of 60 (was 45).")]
    [InlineData("PeriodSeconds", "0", "Sources:0:PeriodSeconds must be 1, 5, 10, 20, 30 or a multiple of 60 (was 0).")]
    [InlineData("PeriodSeconds", "-60", "Sources:0:PeriodSeconds must be 1, 5, 10, 20, 30 or a multiple of 60 (was -60).")]
    [InlineData("Dimensions", "ClusterName", "Sources:0:Dimensions 'ClusterName' must be Name=Value pairs separated by commas: 'ClusterName' has no '='.")]
    [InlineData("Dimensions", "ServiceName=a,ServiceName=b", "Sources:0:Dimensions 'ServiceName=a,ServiceName=b' must be Name=Value pairs separated by commas: 'ServiceName' appears twice.")]
    [InlineData("Url", "monitoring.local", "Sources:0:Url 'monitoring.local' must be an http(s) URL: the CloudWatch endpoint override (leave it unset for AWS).")]
    [InlineData("Query", "SUM(METRICS())", "Sources:0:Query (a CloudWatch expression) and Sources:0:Namespace/MetricName/Dimensions exclude each other: configure one or the other.")]
    public void A_bad_cloudwatch_source_fails_at_start_up_naming_the_key(string key, string value, string message)
    {
        var settings = CloudWatchSettings();
        settings["Sources:0:" + key] = value;

        var error = WithoutAwsRegion(() => Assert.Throws<OptionsValidationException>(() => Resolve(Build(settings))));

        Assert.Equal([message], error.Failures);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("30")]
    [InlineData("60")]
    [InlineData("300")]
    [InlineData("86400")]
    public void CloudWatch_periods_of_high_resolution_or_whole_minutes_are_accepted(string period)
    {
        var settings = CloudWatchSettings();
        settings["Sources:0:PeriodSeconds"] = period;

        Assert.Single(Resolve(Build(settings)).Sources);
    }

    [Fact]
    public void A_cloudwatch_expression_needs_no_namespace_or_metric_name()
    {
        var source = Assert.Single(Resolve(Build(new Dictionary<string, string?>
        {
            ["Sources:0:Kind"] = "cloudWatch",
            ["Sources:0:Target"] = "worker",
            ["Sources:0:Metric"] = "backlog",
            ["Sources:0:Region"] = "us-gov-west-1",
            ["Sources:0:Query"] = "SELECT SUM(ApproximateNumberOfMessagesVisible) FROM \"AWS/SQS\"",
            ["Sources:0:PeriodSeconds"] = "300",
        })).Sources);

        Assert.Equal((MetricSourceKind.CloudWatch, 300), (source.Kind, source.PeriodSeconds));
    }

    [Fact]
    public void A_cloudwatch_source_without_a_region_takes_AWS_REGION()
    {
        var settings = CloudWatchSettings();
        settings.Remove("Sources:0:Region");
        var saved = Environment.GetEnvironmentVariable("AWS_REGION");
        try
        {
            Environment.SetEnvironmentVariable("AWS_REGION", "ap-southeast-2");

            Assert.Equal("ap-southeast-2", Assert.Single(Resolve(Build(settings)).Sources).Region);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_REGION", saved);
        }
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

    private static Dictionary<string, string?> CloudWatchSettings() => new()
    {
        ["Sources:0:Kind"] = "cloudWatch",
        ["Sources:0:Target"] = "worker",
        ["Sources:0:Metric"] = "cpu",
        ["Sources:0:Region"] = "eu-west-1",
        ["Sources:0:Namespace"] = "AWS/ECS",
        ["Sources:0:MetricName"] = "CPUUtilization",
    };

    private static IConfiguration Build(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    // The region falls back to the process environment; a developer's AWS_REGION must not satisfy "Region is required".
    private static T WithoutAwsRegion<T>(Func<T> action)
    {
        string[] names = ["AWS_REGION", "AWS_DEFAULT_REGION"];
        var saved = names.Select(Environment.GetEnvironmentVariable).ToArray();
        try
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            return action();
        }
        finally
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(names[i], saved[i]);
            }
        }
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
