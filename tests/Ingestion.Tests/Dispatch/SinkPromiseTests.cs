using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.Ingestion.Tests.Dispatch;

/// <summary>
/// ITelemetrySink's promise under concurrent transports: writers on several threads (as the NATS reader and HTTP requests
/// are) and an awaited writer (as a pull source is) feed one target at once; its sink calls never overlap and each
/// writer's samples arrive in the order it wrote them.
/// </summary>
public sealed class SinkPromiseTests
{
    private const string Target = "shared";
    private const int PerWriter = 2_000;

    [Fact]
    public async Task Concurrent_writers_for_one_target_never_overlap_in_the_sink_and_keep_their_order()
    {
        var sink = new OrderCheckingTelemetrySink();
        var counters = new TelemetryIngestionCounters();
        // Room for everything: this is about order, not overflow. Small batches make many sink calls.
        var options = new TelemetryIngestionOptions { MaxBatchSize = 7, QueueCapacityPerTarget = 4 * PerWriter };
        await using var dispatcher = new TelemetryDispatcher(sink, options, counters, TimeProvider.System, NullLogger.Instance);
        using var start = new Barrier(4);

        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerWriter; i++)
            {
                dispatcher.Enqueue(Target, [Sample($"writer-{w}", i)]);
            }
        }));
        var awaited = Task.Run(async () =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerWriter / 4; i++)
            {
                await dispatcher.DeliverAsync(Target, new[] { Sample("awaited", i) }, CancellationToken.None);
            }
        });
        await Task.WhenAll([.. writers, awaited]);
        await dispatcher.WhenIdle();

        var received = sink.For(Target);
        Assert.Equal(0, counters.Snapshot().Overflowed);
        Assert.Equal(0, sink.Overlaps);
        foreach (var writer in new[] { "writer-0", "writer-1", "writer-2" })
        {
            Assert.Equal(Enumerable.Range(0, PerWriter).Select(i => (double)i), SequenceOf(received, writer));
        }

        Assert.Equal(Enumerable.Range(0, PerWriter / 4).Select(i => (double)i), SequenceOf(received, "awaited"));
    }

    private static IEnumerable<double> SequenceOf(IReadOnlyList<TelemetrySample> received, string source) =>
        received.Where(s => s.Source == source).Select(s => s.Metrics["seq"]);

    private static TelemetrySample Sample(string source, int seq) =>
        new(source, DateTimeOffset.UnixEpoch, new Dictionary<string, double> { ["seq"] = seq });
}
