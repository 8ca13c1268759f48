using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Autoscaler.Testing.Time;

namespace Autoscaler.Ingestion.Tests.Dispatch;

/// <summary>
/// Issue 13, defect 5: a sink call that fails while a grain reactivates (its silo died) or storage restarts is retried
/// with backoff for a bounded time, so the samples arrive late instead of being lost; a refusal is not retried; the
/// queue's bound holds meanwhile and what does not fit is counted as overflow. Time runs on a fake clock.
/// </summary>
public sealed class DeliveryRetryTests
{
    private readonly TimerSignalingClock _clock = new();
    private readonly TelemetryIngestionCounters _counters = new();

    [Fact]
    public async Task A_batch_whose_sink_call_fails_for_a_few_seconds_is_retried_and_delivered_in_order()
    {
        var sink = new FlakySink(failures: 5);
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions());

        dispatcher.Enqueue("t", [Sample(1), Sample(2)]);
        await _clock.RunTimersUntilAsync(sink.Inner.WaitForAsync("t", 2));
        dispatcher.Enqueue("t", [Sample(3)]);
        await sink.Inner.WaitForAsync("t", 3);

        Assert.Equal([1.0, 2, 3], sink.Inner.For("t").Select(s => s.Metrics["v"]));
        var snapshot = _counters.Snapshot();
        Assert.Equal((5L, 5L, 0L, 3L), (snapshot.SinkFailures, snapshot.DeliveryRetries, snapshot.SamplesAbandoned, snapshot.SamplesDelivered));
    }

    [Fact]
    public async Task A_refusal_is_not_retried()
    {
        var sink = new FlakySink(failures: int.MaxValue) { Refuse = true };
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions());

        dispatcher.Enqueue("t", [Sample(1)]);
        await dispatcher.WhenIdle().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1L, 0L, 1L), (_counters.Snapshot().SinkFailures, _counters.Snapshot().DeliveryRetries, _counters.Snapshot().SamplesAbandoned));
    }

    [Fact]
    public async Task Past_the_retry_limit_the_batch_is_abandoned_and_counted_and_the_queue_moves_on()
    {
        var sink = new FlakySink(failures: int.MaxValue);
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions { DeliveryRetryLimit = TimeSpan.FromSeconds(10) });

        dispatcher.Enqueue("t", [Sample(1), Sample(2)]);
        await _clock.RunTimersUntilAsync(dispatcher.WhenIdle());
        Assert.Equal(2, _counters.Snapshot().SamplesAbandoned);
        sink.Failures = 0;
        dispatcher.Enqueue("t", [Sample(3)]);
        await sink.Inner.WaitForAsync("t", 1);

        Assert.Equal([3.0], sink.Inner.For("t").Select(s => s.Metrics["v"]));
        Assert.InRange(_counters.Snapshot().DeliveryRetries, 3, 8);
    }

    [Fact]
    public async Task While_a_delivery_is_retried_the_queue_keeps_its_bound_and_counts_overflow()
    {
        var sink = new FlakySink(failures: 3);
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions { QueueCapacityPerTarget = 4, MaxBatchSize = 2 });

        dispatcher.Enqueue("t", [Sample(1), Sample(2)]);
        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var dropped = dispatcher.Enqueue("t", [.. Enumerable.Range(3, 8).Select(i => Sample(i))]);
        await _clock.RunTimersUntilAsync(sink.Inner.WaitForAsync("t", 2 + (8 - dropped)));

        Assert.Equal(4, dropped); // two in the batch being retried, four queued: the other four do not fit
        Assert.Equal(4, _counters.Snapshot().Overflowed);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], sink.Inner.For("t").Select(s => s.Metrics["v"]));
    }

    private TelemetryDispatcher Dispatcher(ITelemetrySink sink, TelemetryIngestionOptions options) =>
        new(sink, options, _counters, _clock, NullLogger.Instance);

    private static TelemetrySample Sample(double value) =>
        new("s", DateTimeOffset.UnixEpoch, new Dictionary<string, double> { ["v"] = value });

    /// <summary>Fails its first <see cref="Failures"/> sample calls (transient, or refusing), then records like <see cref="RecordingTelemetrySink"/>.</summary>
    private sealed class FlakySink(int failures) : ITelemetrySink
    {
        public RecordingTelemetrySink Inner { get; } = new();

        public int Failures { get; set; } = failures;

        public bool Refuse { get; init; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            if (Failures > 0)
            {
                Failures--;
                return ValueTask.FromException(Refuse
                    ? new TelemetryDeliveryRefusedException("target is not registered")
                    : new InvalidOperationException("silo S127.0.0.1:11111 is unavailable"));
            }

            return Inner.DeliverAsync(target, batch, cancellationToken);
        }

        public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
            Inner.DeliverLifecycleAsync(target, lifecycle, cancellationToken);
    }
}
