using Autoscaler.Adapters.Sources;
using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using Autoscaler.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>A poller over a scripted source, a fake clock, and the telemetry pipeline's dispatcher in front of the recording sink.</summary>
internal sealed class PollerHarness
{
    public const string Target = "checkout";

    public PollerHarness(
        int staleAfterFailures = 3,
        ITelemetryTargetCatalog? catalog = null,
        MetricSourceCounters? counters = null,
        FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new TimerSignalingClock(Start);
        Options = new MetricSourceOptions
        {
            Kind = MetricSourceKind.Prometheus,
            Target = Target,
            Metric = "queue",
            Query = "queue_depth",
            Url = "http://127.0.0.1:9/",
            Interval = TimeSpan.FromSeconds(15),
            Timeout = TimeSpan.FromSeconds(5),
            StaleAfterFailures = staleAfterFailures,
            Jitter = TimeSpan.Zero,
        };
        Dispatcher = Pipeline(Sink, Clock);
        Poller = new MetricSourcePoller(
            "0:prometheus:checkout/queue", Source, Options, Dispatcher, Clock, counters ?? new MetricSourceCounters(),
            NullLogger.Instance, catalog);
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    /// <summary>The clock, when the harness made it: it reports the timers the poller waits on.</summary>
    public TimerSignalingClock? SignalingClock => Clock as TimerSignalingClock;

    public ScriptedMetricSource Source { get; } = new();

    public RecordingTelemetrySink Sink { get; } = new();

    public TelemetryDispatcher Dispatcher { get; }

    public MetricSourceOptions Options { get; }

    public MetricSourcePoller Poller { get; }

    /// <summary>The pipeline a poller delivers through, in front of <paramref name="sink"/>, with default options.</summary>
    public static TelemetryDispatcher Pipeline(ITelemetrySink sink, TimeProvider clock) =>
        new(sink, new TelemetryIngestionOptions(), new TelemetryIngestionCounters(), clock, NullLogger.Instance);

    /// <summary>Polls once per scripted step, the clock moving one interval after each poll.</summary>
    public async Task<List<PollOutcome>> PollAsync(int count)
    {
        var outcomes = new List<PollOutcome>();
        for (var i = 0; i < count; i++)
        {
            outcomes.Add(await Poller.PollOnceAsync(CancellationToken.None));
            Clock.Advance(Options.Interval);
        }

        return outcomes;
    }
}
