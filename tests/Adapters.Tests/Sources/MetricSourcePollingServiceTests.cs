using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Adapters.Tests.Actuators.Support;
using static Autoscaler.Adapters.Tests.Sources.ScriptedMetricSource;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// The hosted loop: first poll after the jitter, then one per interval of the (fake) clock. ExecuteAsync runs on its own
/// task, so the tests advance time only once the loop's timer exists.
/// </summary>
public sealed class MetricSourcePollingServiceTests
{
    private static readonly DateTimeOffset T0 = PollerHarness.Start;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Without_jitter_it_polls_at_start_and_then_every_interval()
    {
        var clock = new TimerObservingTimeProvider(T0);
        var harness = new PollerHarness(clock: clock);
        harness.Source.Then(Values(("a", 1))).Then(Values(("a", 2))).Then(Values(("a", 3)));
        using var service = new MetricSourcePollingService(new MetricSourcePollers([harness.Poller]), clock);

        await service.StartAsync(CancellationToken.None);
        await clock.NextTimerAsync(due => due == Interval);
        await harness.Sink.WaitForAsync(PollerHarness.Target, 1);
        clock.Advance(Interval);
        await harness.Sink.WaitForAsync(PollerHarness.Target, 2);
        clock.Advance(Interval);
        await harness.Sink.WaitForAsync(PollerHarness.Target, 3);
        await service.StopAsync(CancellationToken.None);

        var samples = harness.Sink.For(PollerHarness.Target);
        Assert.Equal([T0, T0.AddSeconds(15), T0.AddSeconds(30)], samples.Select(s => s.Timestamp));
        Assert.Equal([1.0, 2, 3], samples.Select(s => s.Metrics["queue"]));
        Assert.Equal(3, harness.Source.Reads);
    }

    [Fact]
    public async Task With_jitter_the_first_poll_waits_a_random_part_of_it_and_keeps_that_offset()
    {
        var clock = new TimerObservingTimeProvider(T0);
        var harness = new PollerHarness(clock: clock);
        harness.Options.Jitter = TimeSpan.FromSeconds(10);
        harness.Source.Then(Values(("a", 1))).Then(Values(("a", 2)));
        using var service = new MetricSourcePollingService(new MetricSourcePollers([harness.Poller]), clock);

        await service.StartAsync(CancellationToken.None);
        var jitter = await clock.NextTimerAsync(due => due != Interval && due != harness.Options.Timeout);
        Assert.InRange(jitter, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(0, harness.Source.Reads);
        clock.Advance(jitter);
        await clock.NextTimerAsync(due => due == Interval);
        await harness.Sink.WaitForAsync(PollerHarness.Target, 1);
        clock.Advance(Interval);
        await harness.Sink.WaitForAsync(PollerHarness.Target, 2);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([T0 + jitter, T0 + jitter + Interval], harness.Sink.For(PollerHarness.Target).Select(s => s.Timestamp));
    }
}
