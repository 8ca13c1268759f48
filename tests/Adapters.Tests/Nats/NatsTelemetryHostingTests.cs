using System.Text;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Hosting;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsTelemetryHostingTests
{
    [Fact]
    public async Task Configured_host_connects_ingests_and_reports_ready()
    {
        var prefix = $"h{Guid.NewGuid():N}"[..12];
        var sink = new RecordingTelemetrySink();
        using var host = Build(
            new() { ["Nats:Url"] = TestEnvironment.NatsUrl, ["Telemetry:Prefix"] = prefix, ["Telemetry:AutoRegisterTargets"] = "true" },
            sink);

        await host.StartAsync();
        var ingestion = host.Services.GetRequiredService<NatsTelemetryIngestionService>();
        await ingestion.Subscribed.WaitAsync(NatsTestHosts.Patience);
        await using var agent = new NatsConnection(new NatsOpts { Url = TestEnvironment.NatsUrl });
        await agent.PublishAsync($"{prefix}.api", Encoding.UTF8.GetBytes("""{ "source": "r1", "metrics": { "rps": 120 } }"""));
        await sink.WaitForAsync("api", 1);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["nats", "telemetry-ingestion"], report.Entries.Keys.Order());
        Assert.Equal(120, sink.For("api").Single().Metrics["rps"]);
        Assert.IsType<Autoscaler.Adapters.Nats.Events.NatsScalingEventSink>(host.Services.GetRequiredService<IScalingEventSink>());
    }

    [Fact]
    public async Task Empty_url_starts_with_nats_and_ingestion_disabled()
    {
        using var host = Build([], new RecordingTelemetrySink());

        await host.StartAsync();
        var status = host.Services.GetRequiredService<NatsTelemetryIngestionService>().Status;
        var connection = host.Services.GetRequiredService<NatsConnectionHost>().Status;
        await host.StopAsync();

        Assert.Equal(TelemetryIngestionStatus.Disabled, status);
        Assert.Equal(NatsConnectionStatus.Disabled, connection);
    }

    [Fact]
    public async Task Bad_configuration_fails_start_up_with_a_clear_message()
    {
        using var host = Build(
            new() { ["Nats:Url"] = TestEnvironment.NatsUrl, ["Nats:Token"] = "secret-token", ["Nats:User"] = "u", ["Nats:Password"] = "secret-pw" },
            new RecordingTelemetrySink());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("only one authentication mode", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telemetry:Prefix", "telemetry.>", "Telemetry:Prefix")]
    [InlineData("Telemetry:QueueGroup", "two words", "Telemetry:QueueGroup")]
    [InlineData("Telemetry:MaxMessageBytes", "10", "MaxMessageBytes")]
    [InlineData("Nats:Events:SubjectPrefix", "events.*", "SubjectPrefix")]
    [InlineData("Telemetry:JetStream:Stream", "a.b", "Telemetry:JetStream:Stream")]
    [InlineData("Telemetry:JetStream:AckWait", "00:00:00", "Telemetry:JetStream:AckWait")]
    [InlineData("Telemetry:JetStream:Replicas", "7", "Telemetry:JetStream:Replicas")]
    [InlineData("Telemetry:JetStream:MaxDeliver", "0", "Telemetry:JetStream:MaxDeliver")]
    public async Task Bad_telemetry_settings_fail_start_up_naming_the_key(string key, string value, string expected)
    {
        using var host = Build(new() { ["Nats:Url"] = TestEnvironment.NatsUrl, [key] = value }, new RecordingTelemetrySink());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_fails_start_up_naming_the_key()
    {
        using var host = Build(new() { ["Nats:Url"] = TestEnvironment.NatsUrl, ["Telemetry:Mode"] = "kafka" }, new RecordingTelemetrySink());

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Telemetry:Mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jetstream_mode_consumes_the_stream_instead_of_the_core_subscription_and_reports_ready()
    {
        var prefix = $"h{Guid.NewGuid():N}"[..12];
        var sink = new RecordingTelemetrySink();
        using var host = Build(
            new()
            {
                ["Nats:Url"] = TestEnvironment.NatsUrl, ["Telemetry:Prefix"] = prefix, ["Telemetry:AutoRegisterTargets"] = "true",
                ["Telemetry:Mode"] = "jetstream", ["Telemetry:JetStream:Stream"] = $"S{prefix}", ["Telemetry:JetStream:Consumer"] = $"C{prefix}",
                ["Telemetry:JetStream:Storage"] = "Memory",
            },
            sink);

        await host.StartAsync();
        var jetStream = host.Services.GetRequiredService<Autoscaler.Adapters.Nats.Telemetry.JetStream.NatsJetStreamTelemetryService>();
        await jetStream.Subscribed.WaitAsync(NatsTestHosts.Patience);
        await using var agent = new NatsConnection(new NatsOpts { Url = TestEnvironment.NatsUrl });
        await agent.PublishAsync($"{prefix}.api", Encoding.UTF8.GetBytes("""{ "source": "r1", "metrics": { "rps": 7 } }"""));
        await sink.WaitForAsync("api", 1);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        var core = host.Services.GetRequiredService<NatsTelemetryIngestionService>().Status;
        await host.StopAsync();
        await new NATS.Client.JetStream.NatsJSContext(agent).DeleteStreamAsync($"S{prefix}");

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.True(report.Entries["telemetry-ingestion"].Data.ContainsKey("jetStreamAcknowledged"));
        Assert.Equal(TelemetryIngestionStatus.Disabled, core);
        Assert.Equal(7, sink.For("api").Single().Metrics["rps"]);
    }

    private static IHost Build(Dictionary<string, string?> settings, ITelemetrySink sink)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(sink);
        builder.Services.AddAutoscalerNats(builder.Configuration);
        builder.Services.AddAutoscalerNatsTelemetry(builder.Configuration);
        builder.Services.AddAutoscalerNatsScalingEvents(builder.Configuration);
        builder.Services.AddLogging();
        return builder.Build();
    }
}
