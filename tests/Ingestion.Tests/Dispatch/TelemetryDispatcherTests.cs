using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Ingestion.Tests.Dispatch;

public sealed class TelemetryDispatcherTests
{
    [Fact]
    public async Task Dispose_drains_what_is_queued_behind_a_slow_sink()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        var counters = new TelemetryIngestionCounters();
        var dispatcher = new TelemetryDispatcher(sink, new TelemetryIngestionOptions(), counters, new FakeTimeProvider(), NullLogger.Instance);

        dispatcher.Enqueue("t", [Sample(1)]);
        await sink.HoldEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        dispatcher.Enqueue("t", [Sample(2), Sample(3)]);
        var disposing = dispatcher.DisposeAsync().AsTask();
        release.SetResult();
        await disposing;

        Assert.Equal([1.0, 2.0, 3.0], sink.For("t").Select(s => s.Metrics["v"]));
        Assert.Equal(3, counters.Snapshot().SamplesDelivered);
    }

    [Fact]
    public async Task Batches_hold_at_most_the_configured_size_in_order_whatever_buffer_the_pool_lends()
    {
        // The pool lends at least 16 slots for a batch of 3: the pump must still stop at 3.
        var sink = new RecordingTelemetrySink { SlowTarget = "t" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        var dispatcher = new TelemetryDispatcher(
            sink, new TelemetryIngestionOptions { MaxBatchSize = 3 }, new TelemetryIngestionCounters(), new FakeTimeProvider(), NullLogger.Instance);

        dispatcher.Enqueue("t", [Sample(0)]);
        await sink.HoldEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        dispatcher.Enqueue("t", [.. Enumerable.Range(1, 10).Select(i => Sample(i))]);
        release.SetResult();
        await dispatcher.DisposeAsync();

        Assert.Equal(Enumerable.Range(0, 11).Select(i => (double)i), sink.For("t").Select(s => s.Metrics["v"]));
        Assert.Equal(1 + 4, sink.Calls);
    }

    [Fact]
    public async Task Calls_for_one_target_never_overlap_even_with_concurrent_writers()
    {
        var sink = new OverlapDetectingSink();
        var dispatcher = new TelemetryDispatcher(
            sink, new TelemetryIngestionOptions { MaxBatchSize = 3 }, new TelemetryIngestionCounters(), new FakeTimeProvider(), NullLogger.Instance);
        using var start = new Barrier(2);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 500; i++)
            {
                dispatcher.Enqueue(i % 2 == 0 ? "a" : "b", [Sample(i)]);
            }
        })));
        await dispatcher.DisposeAsync();

        Assert.Equal(1000, sink.Delivered);
        Assert.Equal(1, sink.MaxConcurrentPerTarget);
    }

    [Fact]
    public async Task A_queue_that_went_idle_starts_again_on_the_next_write()
    {
        var sink = new RecordingTelemetrySink();
        var dispatcher = new TelemetryDispatcher(sink, new TelemetryIngestionOptions(), new TelemetryIngestionCounters(), new FakeTimeProvider(), NullLogger.Instance);

        for (var i = 1; i <= 200; i++)
        {
            dispatcher.Enqueue("t", [Sample(i)]);
            await sink.WaitForAsync("t", i);
        }

        await dispatcher.DisposeAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (double)i), sink.For("t").Select(s => s.Metrics["v"]));
    }

    [Fact]
    public async Task The_writer_never_runs_a_sink_call()
    {
        // A sink that blocks its thread: were the pump started inline, Enqueue (the NATS reader) would block with it.
        using var release = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new BlockingSink(release, entered);
        var dispatcher = new TelemetryDispatcher(sink, new TelemetryIngestionOptions(), new TelemetryIngestionCounters(), new FakeTimeProvider(), NullLogger.Instance);

        var enqueue = Task.Run(() => dispatcher.Enqueue("t", [Sample(1)]));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        int dropped;
        try
        {
            dropped = await enqueue.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            release.Set();
        }

        var depthWhileBlocked = dispatcher.QueueDepth("t");
        await dispatcher.DisposeAsync();

        Assert.Equal(0, dropped);
        Assert.Equal(0, depthWhileBlocked);
        Assert.Equal(1, sink.Delivered);
    }

    [Fact]
    public async Task At_the_target_limit_a_busy_queue_is_kept_and_an_idle_one_makes_room()
    {
        var sink = new RecordingTelemetrySink { SlowTarget = "one" };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.Hold = release.Task;
        var counters = new TelemetryIngestionCounters();
        var clock = new FakeTimeProvider();
        var dispatcher = new TelemetryDispatcher(sink, new TelemetryIngestionOptions { MaxTargets = 1 }, counters, clock, NullLogger.Instance);

        var first = dispatcher.Enqueue("one", [Sample(1)]);
        await sink.HoldEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var whileBusy = dispatcher.Enqueue("two", [Sample(1), Sample(2)]);
        release.SetResult();
        await dispatcher.WhenIdle().WaitAsync(TimeSpan.FromSeconds(10));
        var withinASecond = dispatcher.Enqueue("two", [Sample(3)]);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = dispatcher.Enqueue("two", [Sample(4)]);
        await sink.WaitForAsync("two", 1);
        await dispatcher.DisposeAsync();

        Assert.Equal(0, first);
        Assert.Equal(2, whileBusy);
        Assert.Equal(1, withinASecond);
        Assert.Equal(0, afterASecond);
        Assert.Equal([4.0], sink.For("two").Select(s => s.Metrics["v"]));
        Assert.Equal(3, counters.Snapshot().Overflowed);
    }

    private static TelemetrySample Sample(double value) =>
        new("s", DateTimeOffset.UnixEpoch, new Dictionary<string, double> { ["v"] = value });

    private sealed class BlockingSink(ManualResetEventSlim release, TaskCompletionSource entered) : ITelemetrySink
    {
        private int _delivered;

        public int Delivered => Volatile.Read(ref _delivered);

        public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
        {
            entered.TrySetResult();
            release.Wait(cancellationToken);
            Interlocked.Add(ref _delivered, batch.Length);
            return ValueTask.CompletedTask;
        }

        public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }

    private sealed class OverlapDetectingSink : ITelemetrySink
    {
        private readonly Dictionary<string, int> _active = [];
        private readonly Lock _gate = new();
        private int _delivered;

        public int MaxConcurrentPerTarget { get; private set; }

        public int Delivered => Volatile.Read(ref _delivered);

        public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _active[target] = _active.GetValueOrDefault(target) + 1;
                MaxConcurrentPerTarget = Math.Max(MaxConcurrentPerTarget, _active[target]);
            }

            await Task.Yield();
            Interlocked.Add(ref _delivered, batch.Length);
            lock (_gate)
            {
                _active[target]--;
            }
        }

        public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }
}
