using System.Text;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Tests.Nats;

/// <summary>
/// The ingestion service on a real nats-server with a unique subject prefix, a recording sink, and a separate client
/// connection that plays the reporting agents.
/// </summary>
internal sealed class NatsIngestionHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private NatsIngestionHarness(
        NatsConnectionHost host, NatsTelemetryIngestionService service, TelemetryDispatcher dispatcher, NatsConnection agent,
        NatsTelemetryOptions natsOptions, TelemetryIngestionOptions options, RecordingTelemetrySink sink, TelemetryIngestionCounters counters,
        NatsTelemetryCounters natsCounters, FakeTimeProvider clock, StaticTargetCatalog catalog)
    {
        Catalog = catalog;
        Host = host;
        Service = service;
        Dispatcher = dispatcher;
        Agent = agent;
        NatsOptions = natsOptions;
        Options = options;
        Sink = sink;
        Counters = counters;
        NatsCounters = natsCounters;
        Clock = clock;
    }

    public NatsConnectionHost Host { get; }

    public NatsTelemetryIngestionService Service { get; }

    public TelemetryDispatcher Dispatcher { get; }

    public NatsConnection Agent { get; }

    public NatsTelemetryOptions NatsOptions { get; }

    public TelemetryIngestionOptions Options { get; }

    public RecordingTelemetrySink Sink { get; }

    public TelemetryIngestionCounters Counters { get; }

    public NatsTelemetryCounters NatsCounters { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The targets ingestion knows; <see cref="StaticTargetCatalog.RegisterElsewhere"/> plays another silo's registration.</summary>
    public StaticTargetCatalog Catalog { get; }

    public string Prefix => NatsOptions.Prefix;

    public static async Task<NatsIngestionHarness> StartAsync(
        string url, Action<TelemetryIngestionOptions>? configure = null, params string[] knownTargets)
    {
        var natsOptions = new NatsTelemetryOptions { Prefix = $"t{Guid.NewGuid():N}"[..12] };
        var options = new TelemetryIngestionOptions { RejectionLogInterval = TimeSpan.FromMinutes(1) };
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new RecordingTelemetrySink();
        var counters = new TelemetryIngestionCounters();
        var natsCounters = new NatsTelemetryCounters();
        var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = url });
        var dispatcher = new TelemetryDispatcher(sink, options, counters, clock, NullLogger.Instance);
        var catalog = new StaticTargetCatalog(knownTargets);
        var service = new NatsTelemetryIngestionService(
            host, Microsoft.Extensions.Options.Options.Create(natsOptions), Microsoft.Extensions.Options.Options.Create(options), dispatcher,
            counters, natsCounters, clock, NullLogger<NatsTelemetryIngestionService>.Instance, catalog);
        var agent = new NatsConnection(new NatsOpts { Url = url, Name = "test-agent" });
        await agent.ConnectAsync();
        var harness = new NatsIngestionHarness(host, service, dispatcher, agent, natsOptions, options, sink, counters, natsCounters, clock, catalog);
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
