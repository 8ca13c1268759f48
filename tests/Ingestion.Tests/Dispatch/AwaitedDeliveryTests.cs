using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Ingestion.Tests.Dispatch;

/// <summary>
/// <see cref="TelemetryDispatcher.DeliverAsync(string, ReadOnlyMemory{Autoscaler.Ports.Telemetry.TelemetrySample}, CancellationToken)"/>, the write a pull source waits on: it goes through the target's queue
/// like any other and reports what became of its own samples.
/// </summary>
public sealed class AwaitedDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Completes_only_once_the_sink_has_taken_every_sample_even_over_several_batches()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions { MaxBatchSize = 2 }, new TelemetryIngestionCounters());

        var delivery = dispatcher.DeliverAsync("t", Samples(1, 2, 3, 4, 5), CancellationToken.None);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        var completedWhileHeld = delivery.IsCompleted;
        release.SetResult();
        await delivery.WaitAsync(Patience);

        Assert.False(completedWhileHeld);
        Assert.Equal([1.0, 2, 3, 4, 5], sink.For("t").Select(s => s.Metrics["v"]));
        Assert.Equal(3, sink.Calls); // 2 + 2 + 1
    }

    [Fact]
    public async Task Waits_behind_what_other_transports_queued_and_keeps_its_place()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions(), new TelemetryIngestionCounters());

        dispatcher.Enqueue("t", [.. Samples(1)]);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        dispatcher.Enqueue("t", [.. Samples(2)]);
        var delivery = dispatcher.DeliverAsync("t", Samples(3), CancellationToken.None);
        dispatcher.Enqueue("t", [.. Samples(4)]);
        release.SetResult();
        await delivery.WaitAsync(Patience);
        await dispatcher.WhenIdle().WaitAsync(Patience);

        Assert.Equal([1.0, 2, 3, 4], sink.For("t").Select(s => s.Metrics["v"]));
    }

    [Fact]
    public async Task A_refused_sink_call_fails_the_delivery_with_its_exception_and_is_counted()
    {
        var counters = new TelemetryIngestionCounters();
        await using var dispatcher = Dispatcher(new FailingSink(), new TelemetryIngestionOptions(), counters);

        var error = await Assert.ThrowsAsync<TelemetryDeliveryRefusedException>(() => dispatcher.DeliverAsync("t", Samples(1, 2), CancellationToken.None));

        Assert.Equal("target 't' is not registered", error.Message);
        var snapshot = counters.Snapshot();
        Assert.Equal((2L, 0L, 1L, 0L, 2L), (snapshot.SamplesAccepted, snapshot.SamplesDelivered, snapshot.SinkFailures, snapshot.DeliveryRetries, snapshot.SamplesAbandoned));
    }

    [Fact]
    public async Task What_does_not_fit_fails_the_delivery_as_overflow_and_is_counted()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        var counters = new TelemetryIngestionCounters();
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions { QueueCapacityPerTarget = 2, MaxBatchSize = 1 }, counters);

        dispatcher.Enqueue("t", [.. Samples(0)]);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        var delivery = dispatcher.DeliverAsync("t", Samples(1, 2, 3), CancellationToken.None);
        release.SetResult();
        var error = await Assert.ThrowsAsync<TelemetryOverflowException>(() => delivery.WaitAsync(Patience));
        await dispatcher.WhenIdle().WaitAsync(Patience);

        Assert.Equal(("t", 1), (error.Target, error.Dropped));
        Assert.Equal([0.0, 1, 2], sink.For("t").Select(s => s.Metrics["v"])); // the two that fit are still delivered
        Assert.Equal(1, counters.Snapshot().Overflowed);
    }

    [Fact]
    public async Task Stopped_pumps_abandon_the_delivery_instead_of_leaving_it_waiting()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        sink.Hold = new TaskCompletionSource().Task; // never released: only the drain deadline ends the call
        var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions { MaxBatchSize = 1 }, new TelemetryIngestionCounters());

        var inFlight = dispatcher.DeliverAsync("t", Samples(1), CancellationToken.None);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        var queued = dispatcher.DeliverAsync("t", Samples(2), CancellationToken.None);
        await dispatcher.DrainAsync(new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patience));
        await dispatcher.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_the_wait_does_not_take_the_samples_back()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions(), new TelemetryIngestionCounters());
        using var stop = new CancellationTokenSource();

        var delivery = dispatcher.DeliverAsync("t", Samples(1), stop.Token);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivery);
        release.SetResult();
        await sink.WaitForAsync("t", 1);

        Assert.Equal([1.0], sink.For("t").Select(s => s.Metrics["v"]));
    }

    [Fact]
    public async Task A_lifecycle_event_delivery_completes_once_the_sink_took_it_in_its_place()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions(), new TelemetryIngestionCounters());

        dispatcher.Enqueue("t", [.. Samples(1)]);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        var delivery = dispatcher.DeliverAsync("t", new AgentLifecycleEvent("a1", AgentLifecycleKind.Stopped, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var completedWhileHeld = delivery.IsCompleted;
        release.SetResult();
        await delivery.WaitAsync(Patience);

        Assert.False(completedWhileHeld);
        Assert.Equal("a1", sink.Lifecycle.Single().Lifecycle.Source);
    }

    [Fact]
    public async Task A_lifecycle_event_that_does_not_fit_fails_its_delivery_as_overflow()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        var counters = new TelemetryIngestionCounters();
        await using var dispatcher = Dispatcher(sink, new TelemetryIngestionOptions { QueueCapacityPerTarget = 1, MaxBatchSize = 1 }, counters);

        dispatcher.Enqueue("t", [.. Samples(0)]);
        await sink.HoldEntered.Task.WaitAsync(Patience);
        dispatcher.Enqueue("t", [.. Samples(1)]); // the queue is full now
        var delivery = dispatcher.DeliverAsync("t", new AgentLifecycleEvent("a1", AgentLifecycleKind.Stopped, DateTimeOffset.UnixEpoch), CancellationToken.None);
        release.SetResult();

        await Assert.ThrowsAsync<TelemetryOverflowException>(() => delivery.WaitAsync(Patience));
        Assert.Equal(1, counters.Snapshot().Overflowed);
    }

    private static TelemetryDispatcher Dispatcher(ITelemetrySink sink, TelemetryIngestionOptions options, TelemetryIngestionCounters counters) =>
        new(sink, options, counters, new FakeTimeProvider(), NullLogger.Instance);

    private static TelemetrySample[] Samples(params double[] values) =>
        [.. values.Select(v => new TelemetrySample("s", DateTimeOffset.UnixEpoch, new Dictionary<string, double> { ["v"] = v }))];

    private sealed class FailingSink : ITelemetrySink
    {
        public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken) =>
            ValueTask.FromException(new TelemetryDeliveryRefusedException("target 't' is not registered"));

        public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }
}
