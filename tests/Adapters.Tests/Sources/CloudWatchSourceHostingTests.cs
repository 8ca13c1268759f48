using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Sources.CloudWatch;
using Autoscaler.Adapters.Sources.Hosting;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Aws;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// A cloudWatch source configured like an operator would, against a local CloudWatch stand-in: it signs with the
/// credentials provider already registered (not the SDK chain) and delivers the newest datapoint to the target.
/// </summary>
public sealed class CloudWatchSourceHostingTests
{
    [Fact]
    public async Task A_configured_cloudwatch_source_signs_with_the_registered_credentials_and_delivers_to_the_sink()
    {
        await using var cloudWatch = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200, CloudWatchTestContext.Answer(
            CloudWatchQueries.Id, (DateTimeOffset.UtcNow.AddMinutes(-2), 61), (DateTimeOffset.UtcNow.AddMinutes(-1), 73))));
        var sink = new RecordingTelemetrySink();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:0:Kind"] = "cloudWatch",
            ["Sources:0:Target"] = "worker",
            ["Sources:0:Metric"] = "cpu",
            ["Sources:0:Region"] = "eu-west-1",
            ["Sources:0:Url"] = cloudWatch.BaseUri.ToString(),
            ["Sources:0:Namespace"] = "AWS/ECS",
            ["Sources:0:MetricName"] = "CPUUtilization",
            ["Sources:0:Dimensions"] = "ClusterName=prod,ServiceName=worker",
            ["Sources:0:Statistic"] = "maximum",
            ["Sources:0:Jitter"] = "00:00:00",
        });
        builder.Services.AddSingleton<IAwsCredentialsProvider>(
            new StaticAwsCredentialsProvider(new AwsCredentials("AKIDHOSTTEST", AwsTestCredentials.SecretKey)));
        builder.Services.AddSingleton<ITelemetrySink>(sink);
        builder.Services.AddAutoscalerMetricSources(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        await sink.WaitForAsync("worker", 1);
        await host.StopAsync();

        var sample = sink.For("worker")[0];
        Assert.Equal(("cpu", 73.0), (sample.Source, sample.Metrics["cpu"]));
        var request = cloudWatch.Requests[0];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDHOSTTEST/", request.Header("authorization"), StringComparison.Ordinal);
        Assert.True(SigV4Verifier.Verify(request, AwsTestCredentials.SecretKey).Valid);
        Assert.Contains("\"Stat\":\"Maximum\"", request.BodyText, StringComparison.Ordinal);
    }
}
