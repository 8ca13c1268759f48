using System.Text;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Adapters.Tests.Nats;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Tests.Telemetry;

/// <summary>
/// The ingestion service on a real nats-server with a unique subject prefix, a recording sink, and a separate client
/// connection that plays the reporting agents.
/// </summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private IngestionHarness(
        NatsConnectionHost host, NatsTelemetryIngestionService service, TelemetryDispatcher dispatcher, NatsConnection agent, TelemetryIngestionOptions options,
        RecordingTelemetrySink sink, TelemetryIngestionCounters counters, FakeTimeProvider clock)
    {
        Host = host;
        Service = service;
        Dispatcher = dispatcher;
        Agent = agent;
        Options = options;
        Sink = sink;
        Counters = counters;
        Clock = clock;
    }

    public NatsConnectionHost Host { get; }

    public NatsTelemetryIngestionService Service { get; }

    public TelemetryDispatcher Dispatcher { get; }

    public NatsConnection Agent { get; }

    public TelemetryIngestionOptions Options { get; }

    public RecordingTelemetrySink Sink { get; }

    public TelemetryIngestionCounters Counters { get; }

    public FakeTimeProvider Clock { get; }

    public string Prefix => Options.Prefix;

    public static async Task<IngestionHarness> StartAsync(
        string url, Action<TelemetryIngestionOptions>? configure = null, params string[] knownTargets)
    {
        var options = new TelemetryIngestionOptions { Prefix = $"t{Guid.NewGuid():N}"[..12], RejectionLogInterval = TimeSpan.FromMinutes(1) };
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new RecordingTelemetrySink();
        var counters = new TelemetryIngestionCounters();
        var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = url });
        var dispatcher = new TelemetryDispatcher(sink, options, counters, clock, NullLogger.Instance);
        var service = new NatsTelemetryIngestionService(
            host, Microsoft.Extensions.Options.Options.Create(options), dispatcher, counters, clock,
            NullLogger<NatsTelemetryIngestionService>.Instance, new StaticTargetCatalog(knownTargets));
        var agent = new NatsConnection(new NatsOpts { Url = url, Name = "test-agent" });
        await agent.ConnectAsync();
        var harness = new IngestionHarness(host, service, dispatcher, agent, options, sink, counters, clock);
        await service.StartAsync(CancellationToken.None);
        await service.Subscribed.WaitAsync(NatsTestHosts.Patience);
        return harness;
    }

    public ValueTask PublishAsync(string subjectSuffix, string json) =>
        Agent.PublishAsync($"{Prefix}.{subjectSuffix}", Encoding.UTF8.GetBytes(json));

    public ValueTask PublishAsync(string subjectSuffix, byte[] payload) => Agent.PublishAsync($"{Prefix}.{subjectSuffix}", payload);

    public async ValueTask DisposeAsync()
    {
        await Service.StopAsync(CancellationToken.None);
        Service.Dispose();
        await Dispatcher.DisposeAsync();
        await Agent.DisposeAsync();
        await Host.DisposeAsync();
        _stop.Dispose();
    }
}
