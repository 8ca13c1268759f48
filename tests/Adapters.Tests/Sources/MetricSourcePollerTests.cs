using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Sources;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing.Telemetry;
using static Autoscaler.Adapters.Tests.Sources.ScriptedMetricSource;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>The poller's failure policy: hold the last value for StaleAfterFailures polls, then report nothing.</summary>
public sealed class MetricSourcePollerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly MetricSourceResult Failure = MetricSourceResult.Failed("connection refused");

    [Fact]
    public async Task Fresh_values_become_one_sample_per_instance_stamped_with_the_poll_time()
    {
        var harness = new PollerHarness();
        harness.Source.Then(Values(("worker-a", 7), ("worker-b", 12.5)));

        Assert.Equal([PollOutcome.Delivered], await harness.PollAsync(1));

        var samples = harness.Sink.For(PollerHarness.Target);
        Assert.Equal(["worker-a", "worker-b"], samples.Select(s => s.Source));
        Assert.All(samples, s => Assert.Equal((T0, true), (s.Timestamp, s.Ready)));
        Assert.Equal([7, 12.5], samples.Select(s => s.Metrics["queue"]));
    }

    [Fact]
    public async Task An_aggregate_value_is_reported_under_the_metric_name()
    {
        var harness = new PollerHarness();
        harness.Source.Then(Values((null, 19.5)));

        await harness.PollAsync(1);

        var sample = Assert.Single(harness.Sink.For(PollerHarness.Target));
        Assert.Equal(("queue", 19.5), (sample.Source, sample.Metrics["queue"]));
    }

    [Fact]
    public async Task Failures_hold_the_last_values_for_StaleAfterFailures_polls_then_stop_reporting()
    {
        var harness = new PollerHarness(staleAfterFailures: 3);
        harness.Source.Then(Values(("worker-a", 7))).Then(Failure).Then(Failure).Then(Failure).Then(Failure).Then(Failure);

        var outcomes = await harness.PollAsync(6);

        Assert.Equal(
            [PollOutcome.Delivered, PollOutcome.HeldLastValue, PollOutcome.HeldLastValue, PollOutcome.HeldLastValue, PollOutcome.Stale, PollOutcome.Stale],
            outcomes);
        var samples = harness.Sink.For(PollerHarness.Target);
        Assert.Equal([T0, T0.AddSeconds(15), T0.AddSeconds(30), T0.AddSeconds(45)], samples.Select(s => s.Timestamp));
        Assert.All(samples, s => Assert.Equal(("worker-a", 7.0), (s.Source, s.Metrics["queue"])));
        Assert.Equal(5, harness.Poller.Status.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_good_read_after_going_stale_delivers_again_and_resets_the_count()
    {
        var harness = new PollerHarness(staleAfterFailures: 1);
        harness.Source.Then(Values(("a", 1))).Then(Failure).Then(Failure).Then(Values(("a", 2))).Then(Failure);

        var outcomes = await harness.PollAsync(5);

        Assert.Equal(
            [PollOutcome.Delivered, PollOutcome.HeldLastValue, PollOutcome.Stale, PollOutcome.Delivered, PollOutcome.HeldLastValue],
            outcomes);
        Assert.Equal([1.0, 1, 2, 2], harness.Sink.For(PollerHarness.Target).Select(s => s.Metrics["queue"]));
        Assert.Equal((5L, 3L, 1), (harness.Poller.Status.Polls, harness.Poller.Status.Failures, harness.Poller.Status.ConsecutiveFailures));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task With_nothing_to_hold_a_failure_is_stale_at_once(int staleAfterFailures)
    {
        var harness = new PollerHarness(staleAfterFailures);
        harness.Source.Then(Failure);

        Assert.Equal([PollOutcome.Stale], await harness.PollAsync(1));
        Assert.Empty(harness.Sink.Samples);
    }

    [Fact]
    public async Task StaleAfterFailures_zero_stops_reporting_at_the_first_failure()
    {
        var harness = new PollerHarness(staleAfterFailures: 0);
        harness.Source.Then(Values(("a", 1))).Then(Failure);

        Assert.Equal([PollOutcome.Delivered, PollOutcome.Stale], await harness.PollAsync(2));
        Assert.Single(harness.Sink.Samples);
    }

    [Fact]
    public async Task An_empty_answer_is_not_a_failure_and_drops_the_held_values()
    {
        var harness = new PollerHarness();
        harness.Source.Then(Values(("a", 1))).Then(MetricSourceResult.Empty("the query returned no series")).Then(Failure);

        var outcomes = await harness.PollAsync(3);

        Assert.Equal([PollOutcome.Delivered, PollOutcome.Empty, PollOutcome.Stale], outcomes);
        Assert.Single(harness.Sink.Samples);
        Assert.Equal((1L, 1), (harness.Poller.Status.Failures, harness.Poller.Status.ConsecutiveFailures));
    }

    [Fact]
    public async Task A_read_that_outlives_the_timeout_is_a_failure_that_holds_the_last_value()
    {
        var harness = new PollerHarness();
        harness.Source.Then(Values(("a", 1))).ThenHang();
        await harness.PollAsync(1);

        // The timeout's timer exists once PollOnceAsync has returned its pending task.
        var poll = harness.Poller.PollOnceAsync(CancellationToken.None);
        Assert.False(poll.IsCompleted);
        harness.Clock.Advance(harness.Options.Timeout);

        Assert.Equal(PollOutcome.HeldLastValue, await poll);
        Assert.Equal("no answer within the timeout of 00:00:05", harness.Poller.Status.LastMessage);
        Assert.Equal(T0.AddSeconds(20), harness.Sink.For(PollerHarness.Target)[^1].Timestamp);
    }

    [Fact]
    public async Task An_exception_from_a_source_counts_as_a_failure()
    {
        var harness = new PollerHarness();
        harness.Source.ThenThrow(new InvalidOperationException("boom"));

        Assert.Equal([PollOutcome.Stale], await harness.PollAsync(1));
        Assert.Equal((MetricSourceResultKind.Failed, "InvalidOperationException: boom"), (harness.Poller.Status.LastKind, harness.Poller.Status.LastMessage));
    }

    [Fact]
    public async Task Two_values_for_one_instance_fail_instead_of_picking_one()
    {
        var harness = new PollerHarness();
        harness.Source.Then(Values(("a", 1), ("a", 2)));

        Assert.Equal([PollOutcome.Stale], await harness.PollAsync(1));
        Assert.Equal("two values for instance 'a': aggregate them in the query", harness.Poller.Status.LastMessage);
    }

    [Fact]
    public async Task Samples_for_a_target_the_catalog_does_not_know_are_not_delivered()
    {
        var harness = new PollerHarness(catalog: new StaticTargetCatalog("another"));
        harness.Source.Then(Values(("a", 1)));

        Assert.Equal([PollOutcome.DeliveryFailed], await harness.PollAsync(1));
        Assert.Empty(harness.Sink.Samples);
        Assert.False(harness.Poller.Status.IsFailing); // the source itself read fine
    }

    [Fact]
    public async Task A_full_target_queue_is_a_failed_delivery_counted_as_overflow()
    {
        var harness = new PollerHarness();
        harness.Sink.SlowTarget = PollerHarness.Target;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sink.Hold = release.Task;
        var counters = new TelemetryIngestionCounters();
        var pipeline = new TelemetryDispatcher(
            harness.Sink, new TelemetryIngestionOptions { QueueCapacityPerTarget = 1, MaxBatchSize = 1 }, counters, harness.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var poller = new MetricSourcePoller(
            "0:prometheus:checkout/queue", harness.Source, harness.Options, pipeline, harness.Clock, new MetricSourceCounters(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        harness.Source.Then(Values(("a", 1), ("b", 2), ("c", 3)));

        // A push transport's sample holds the sink and fills the one-sample queue: the poll's samples find no room.
        pipeline.Enqueue(PollerHarness.Target, [new TelemetrySample("pushed", PollerHarness.Start, new Dictionary<string, double> { ["queue"] = 0 })]);
        await harness.Sink.HoldEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        pipeline.Enqueue(PollerHarness.Target, [new TelemetrySample("pushed", PollerHarness.Start, new Dictionary<string, double> { ["queue"] = 0 })]);
        var outcome = await poller.PollOnceAsync(CancellationToken.None);
        release.SetResult();
        await pipeline.DisposeAsync();

        Assert.Equal(PollOutcome.DeliveryFailed, outcome);
        Assert.Equal(3, counters.Snapshot().Overflowed);
        Assert.Equal(["pushed", "pushed"], harness.Sink.For(PollerHarness.Target).Select(s => s.Source));
        Assert.False(poller.Status.IsFailing); // the source itself read fine
    }

    [Fact]
    public async Task A_failing_sink_does_not_break_the_poller()
    {
        var sink = new ThrowingTelemetrySink();
        var harness = new PollerHarness();
        var poller = new MetricSourcePoller(
            "0:prometheus:checkout/queue", harness.Source, harness.Options, PollerHarness.Pipeline(sink, harness.Clock), harness.Clock, new MetricSourceCounters(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        harness.Source.Then(Values(("a", 1))).Then(Values(("a", 2)));

        // The pipeline retries a failed delivery with backoff until its retry limit passes; the fake clock runs it out.
        Assert.Equal(PollOutcome.DeliveryFailed, await PollPastRetriesAsync(poller, harness));
        var callsPerPoll = sink.Calls;
        Assert.Equal(PollOutcome.DeliveryFailed, await PollPastRetriesAsync(poller, harness));
        Assert.True(callsPerPoll > 1, $"a failed delivery was not retried ({callsPerPoll} call)");
        Assert.True(sink.Calls > callsPerPoll);
        Assert.Equal(2L, poller.Status.Polls);
    }

    private static async Task<PollOutcome> PollPastRetriesAsync(MetricSourcePoller poller, PollerHarness harness)
    {
        var poll = poller.PollOnceAsync(CancellationToken.None);
        await harness.SignalingClock!.RunTimersUntilAsync(poll);
        return await poll;
    }
}
