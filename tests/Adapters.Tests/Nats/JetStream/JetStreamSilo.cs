using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Adapters.Nats.Telemetry.JetStream;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Autoscaler.Adapters.Tests.Nats.JetStream;

/// <summary>One silo's JetStream ingestion on the real nats-server: its own connection, dispatcher and service.</summary>
internal sealed class JetStreamSilo : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private bool _killed;

    private JetStreamSilo(NatsConnectionHost host, TelemetryDispatcher dispatcher, NatsJetStreamTelemetryService service, TelemetryIngestionCounters counters)
    {
        Host = host;
        Dispatcher = dispatcher;
        Service = service;
        Counters = counters;
    }

    public NatsConnectionHost Host { get; }

    public TelemetryDispatcher Dispatcher { get; }

    public NatsJetStreamTelemetryService Service { get; }

    public TelemetryIngestionCounters Counters { get; }

    public static async Task<JetStreamSilo> StartAsync(
        string prefix, JetStreamTelemetryOptions stream, ITelemetrySink sink, FakeTimeProvider clock, ITelemetryTargetCatalog? catalog = null,
        TimeSpan? deliveryRetryLimit = null)
    {
        var pipeline = new TelemetryIngestionOptions
        {
            RejectionLogInterval = TimeSpan.FromMinutes(1), AutoRegisterTargets = catalog is null,
            DeliveryRetryLimit = deliveryRetryLimit ?? new TelemetryIngestionOptions().DeliveryRetryLimit,
        };
        var counters = new TelemetryIngestionCounters();
        var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });
        var dispatcher = new TelemetryDispatcher(sink, pipeline, counters, clock, NullLogger.Instance);
        var service = new NatsJetStreamTelemetryService(
            host, MsOptions.Create(new NatsTelemetryOptions { Prefix = prefix, Mode = TelemetryTransportMode.JetStream }),
            MsOptions.Create(stream), MsOptions.Create(pipeline), dispatcher, counters, new NatsTelemetryCounters(),
            new JetStreamTelemetryCounters(), clock, NullLogger<NatsJetStreamTelemetryService>.Instance, catalog);
        var silo = new JetStreamSilo(host, dispatcher, service, counters);
        await service.StartAsync(CancellationToken.None);
        await service.Subscribed.WaitAsync(NatsTestHosts.Patience);
        return silo;
    }

    /// <summary>Options with a stream and consumer of the test's own, and a short AckWait so a dead silo's messages come back fast.</summary>
    public static JetStreamTelemetryOptions Options(string prefix) => new()
    {
        Stream = $"S{prefix}",
        Consumer = $"C{prefix}",
        AckWait = TimeSpan.FromSeconds(1),
        NakDelay = TimeSpan.FromMilliseconds(100),
        Storage = JetStreamStorage.Memory,
        MaxBytes = 64L * 1024 * 1024,
        PullBatch = 50,
    };

    /// <summary>Dies without a word: the connection goes, nothing is acknowledged or handed back.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        await Host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Service.StopAsync(CancellationToken.None);
        }
        catch (Exception) when (_killed)
        {
            // Its connection is gone already.
        }

        Service.Dispose();
        await Dispatcher.DisposeAsync();
        if (!_killed)
        {
            await Host.DisposeAsync();
        }

        _stop.Dispose();
    }
}
