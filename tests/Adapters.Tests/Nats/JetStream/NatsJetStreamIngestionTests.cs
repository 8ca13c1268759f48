using System.Globalization;
using System.Text;
using Autoscaler.Adapters.Nats.Telemetry.JetStream;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Testing;
using Autoscaler.Testing.Telemetry;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Autoscaler.Adapters.Tests.Nats.JetStream;

/// <summary>
/// <c>Telemetry:Mode = jetstream</c> on the real <c>nats-server -js</c> the test script starts: samples wait in the stream
/// for a silo, a silo killed mid-burst loses nothing and the windows count each sample once, invalid messages are
/// terminated. Agents publish with JetStream acknowledgements, so a message is in the stream before the test goes on.
/// </summary>
public sealed class NatsJetStreamIngestionTests : IAsyncLifetime
{
    private readonly string _prefix = $"j{Guid.NewGuid():N}"[..12];
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private NatsConnection _agent = null!;
    private NatsJSContext _js = null!;

    public async Task InitializeAsync()
    {
        _agent = new NatsConnection(new NatsOpts { Url = TestEnvironment.NatsUrl, Name = "jetstream-test-agent" });
        await _agent.ConnectAsync();
        _js = new NatsJSContext(_agent);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _js.DeleteStreamAsync($"S{_prefix}");
        }
        catch (NatsJSApiException)
        {
            // Never created.
        }

        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task Samples_published_while_no_silo_runs_are_applied_when_one_starts()
    {
        var options = JetStreamSilo.Options(_prefix);
        var sink = new WindowedSink(expected: 200);
        await (await JetStreamSilo.StartAsync(_prefix, options, sink.ForSilo(), _clock)).DisposeAsync();

        await PublishAsync(0, 200);
        await using var silo = await JetStreamSilo.StartAsync(_prefix, options, sink.ForSilo(), _clock);
        await sink.Complete.WaitAsync(NatsTestHosts.Patience);
        await silo.Dispatcher.WhenIdle().WaitAsync(NatsTestHosts.Patience);

        Assert.Equal(200, sink.Applied);
        Assert.Equal(200, sink.CountedInWindow(_clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_silo_killed_mid_burst_loses_nothing_and_the_windows_count_each_sample_once()
    {
        const int Total = 2000;
        var options = JetStreamSilo.Options(_prefix);
        var sink = new WindowedSink(Total);
        var doomedHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var survivor = await JetStreamSilo.StartAsync(_prefix, options, sink.ForSilo(), _clock);
        await using var doomed = await JetStreamSilo.StartAsync(_prefix, options, sink.ForSilo(holdAfterApplying: doomedHolds), _clock);

        await PublishAsync(0, Total / 2);
        await doomedHolds.Task.WaitAsync(NatsTestHosts.Patience); // it applied a batch and will never acknowledge it
        await doomed.KillAsync();
        await PublishAsync(Total / 2, Total);
        await sink.Complete.WaitAsync(TimeSpan.FromSeconds(30));
        await survivor.Dispatcher.WhenIdle().WaitAsync(NatsTestHosts.Patience);

        Assert.Equal(Total, sink.Distinct);
        Assert.True(sink.Duplicates > 0, "the killed silo applied samples it never acknowledged: they come again");
        Assert.Equal(Total + sink.Duplicates, sink.Applied);
        Assert.Equal(Total, sink.CountedInWindow(_clock.GetUtcNow()));
        Assert.True(survivor.Service.Counters.Redelivered > 0);
    }

    [Fact]
    public async Task An_invalid_message_is_counted_and_terminated_not_redelivered()
    {
        var options = JetStreamSilo.Options(_prefix);
        var sink = new RecordingTelemetrySink();
        await using var silo = await JetStreamSilo.StartAsync(_prefix, options, sink, _clock);

        await _js.PublishAsync($"{_prefix}.api", Encoding.UTF8.GetBytes("""{ "source": "a1", "metrics": { "rps": "lots" } }"""));
        await _js.PublishAsync($"{_prefix}.api", Encoding.UTF8.GetBytes("""{ "source": "a1", "metrics": { "rps": 3 } }"""));
        await sink.WaitForAsync("api", 1);
        await silo.Service.Counters.WhenSettled(2).WaitAsync(NatsTestHosts.Patience);
        await silo.Host.Connection!.PingAsync(); // the terminate went out before this on the same connection
        var consumer = await _js.GetConsumerAsync(options.Stream, options.Consumer);

        Assert.Equal(1, silo.Counters.Snapshot().Rejected[TelemetryRejectionReason.NonNumericValue]);
        Assert.Equal(1, silo.Service.Counters.Terminated);
        Assert.Equal(0, consumer.Info.NumRedelivered);
        Assert.Equal(0, silo.Service.Counters.Redelivered);
    }

    [Fact]
    public async Task A_message_for_an_unknown_target_comes_back_once_then_is_applied_if_registered_meanwhile_or_rejected()
    {
        var options = JetStreamSilo.Options(_prefix);
        var sink = new RecordingTelemetrySink();
        var catalog = new StaticTargetCatalog();
        await using var rejected = await _agent.SubscribeCoreAsync<string>($"{_prefix}.rejected");
        await _agent.PingAsync();
        await using var silo = await JetStreamSilo.StartAsync(_prefix, options, sink, _clock, catalog);
        catalog.RegisterElsewhere("late");

        await _js.PublishAsync($"{_prefix}.late", Encoding.UTF8.GetBytes("""{ "source": "a1", "metrics": { "rps": 1 } }"""));
        await _js.PublishAsync($"{_prefix}.never", Encoding.UTF8.GetBytes("""{ "source": "a1", "metrics": { "rps": 1 } }"""));
        await sink.WaitForAsync("late", 1);
        var reject = await rejected.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);

        Assert.Equal($"{_prefix}.never", reject.Headers?["Autoscaler-Subject"].ToString());
        Assert.Equal(1, silo.Counters.Snapshot().Rejected[TelemetryRejectionReason.UnknownTarget]);
        Assert.True(catalog.Refreshes >= 1);
        Assert.True(silo.Service.Counters.RedeliveryRequested >= 2);
        Assert.Single(sink.For("late"));
    }

    [Fact]
    public async Task A_failed_grain_call_is_negatively_acknowledged_and_applied_on_redelivery()
    {
        var options = JetStreamSilo.Options(_prefix);
        var sink = new FailingSink(failures: 1);
        await using var silo = await JetStreamSilo.StartAsync(_prefix, options, sink, _clock, deliveryRetryLimit: TimeSpan.Zero);

        await PublishAsync(0, 1);
        await sink.Applied.WaitAsync(NatsTestHosts.Patience);
        await silo.Service.Counters.WhenSettled(2).WaitAsync(NatsTestHosts.Patience);

        Assert.Equal(2, sink.Calls);
        Assert.Equal(1, silo.Service.Counters.Acknowledged);
        Assert.Equal(1, silo.Service.Counters.RedeliveryRequested);
        Assert.Equal(1, silo.Service.Counters.Redelivered);
        Assert.Equal(0, silo.Service.Counters.GivenUp);
    }

    [Fact]
    public async Task A_message_failing_on_its_last_allowed_delivery_is_terminated_and_counted()
    {
        var options = JetStreamSilo.Options(_prefix);
        options.MaxDeliver = 2;
        var sink = new FailingSink(failures: int.MaxValue);
        await using var silo = await JetStreamSilo.StartAsync(_prefix, options, sink, _clock, deliveryRetryLimit: TimeSpan.Zero);

        await PublishAsync(0, 1);
        await sink.CallMade[1].Task.WaitAsync(NatsTestHosts.Patience);
        await silo.Service.Counters.WhenSettled(2).WaitAsync(NatsTestHosts.Patience);
        await silo.Host.Connection!.PingAsync();
        var consumer = await _js.GetConsumerAsync(options.Stream, options.Consumer);

        Assert.Equal(2, sink.Calls);
        Assert.Equal(1, silo.Service.Counters.GivenUp);
        Assert.Equal(0, consumer.Info.NumAckPending);
    }

    private async Task PublishAsync(int from, int to)
    {
        var start = _clock.GetUtcNow().AddMinutes(-2);
        for (var i = from; i < to; i++)
        {
            var ts = start.AddMilliseconds(i).ToString("O", CultureInfo.InvariantCulture);
            var json = $$"""{ "source": "a{{i % 10}}", "ts": "{{ts}}", "metrics": { "rps": {{i}} } }""";
            var ack = await _js.PublishAsync($"{_prefix}.api", Encoding.UTF8.GetBytes(json));
            ack.EnsureSuccess();
        }
    }
}
