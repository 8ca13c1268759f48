using System.Text;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Testing;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsTelemetryIngestionTests
{
    private const string Valid = """{ "source": "agent-1", "metrics": { "cpu": 50 } }""";

    [Fact]
    public async Task Single_sample_reaches_the_sink()
    {
        await using var harness = await NatsIngestionHarness.StartAsync(TestEnvironment.NatsUrl, null, "worker");

        await harness.PublishAsync("worker", """{ "source": "agent-17", "metrics": { "cpu": 71.5, "pending_tasks": 12 }, "ready": false }""");
        await harness.Sink.WaitForAsync("worker", 1);

        var sample = Assert.Single(harness.Sink.For("worker"));
        Assert.Equal("agent-17", sample.Source);
        Assert.Equal(71.5, sample.Metrics["cpu"]);
        Assert.False(sample.Ready);
        Assert.Equal(harness.Clock.GetUtcNow(), sample.Timestamp);
        Assert.Equal(TelemetryIngestionStatus.Ready, harness.Service.Status);
    }

    [Fact]
    public async Task Batch_and_lifecycle_reach_the_sink_in_order()
    {
        await using var harness = await NatsIngestionHarness.StartAsync(TestEnvironment.NatsUrl, null, "pool");

        await harness.PublishAsync("pool.lifecycle", """{ "source": "agent-9", "event": "started" }""");
        await harness.PublishAsync("pool", """[ { "source": "agent-9", "metrics": { "q": 1 } }, { "source": "agent-9", "metrics": { "q": 2 } }, { "source": "agent-9", "metrics": { "q": 3 } } ]""");
        await harness.PublishAsync("pool.lifecycle", """{ "source": "agent-9", "event": "stopped" }""");
        await harness.Sink.WaitForAsync("pool", 5);

        var items = harness.Sink.For("pool");
        Assert.Equal([1.0, 1.0, 2.0, 3.0, 1.0], items.Select(s => s.Metrics.Values.Single()));
        Assert.Equal([AgentLifecycleKind.Started, AgentLifecycleKind.Stopped], harness.Sink.Lifecycle.Select(l => l.Lifecycle.Kind));
        var snapshot = harness.Counters.Snapshot();
        Assert.Equal(3, snapshot.SamplesAccepted);
        Assert.Equal(2, snapshot.LifecycleAccepted);
        Assert.Equal(0, snapshot.RejectedTotal);
    }

    [Fact]
    public async Task Every_rejection_reason_is_counted_and_republished_with_its_reason()
    {
        await using var harness = await NatsIngestionHarness.StartAsync(TestEnvironment.NatsUrl, o => o.MaxMessageBytes = 512, "known");
        await using var rejected = await harness.Agent.SubscribeCoreAsync<byte[]>($"{harness.Prefix}.rejected");
        await harness.Agent.PingAsync();
        var future = harness.Clock.GetUtcNow().AddMinutes(6).ToUnixTimeMilliseconds();
        var cases = new (string Subject, string Json, TelemetryRejectionReason Reason)[]
        {
            ("known", "{ nope", TelemetryRejectionReason.InvalidJson),
            ("known", """{ "metrics": { "cpu": 1 } }""", TelemetryRejectionReason.MissingSource),
            ("known", """{ "source": "a" }""", TelemetryRejectionReason.MissingMetrics),
            ("known", """{ "source": "a", "metrics": { "cpu": 1e999 } }""", TelemetryRejectionReason.NonFiniteValue),
            ("known", """{ "source": "a", "metrics": { "cpu": "hot" } }""", TelemetryRejectionReason.NonNumericValue),
            ("known", $$"""{ "source": "a", "ts": {{future}}, "metrics": { "cpu": 1 } }""", TelemetryRejectionReason.FutureTimestamp),
            ("known", $$"""{ "source": "a", "metrics": { "cpu": 1 }, "pad": "{{new string('x', 600)}}" }""", TelemetryRejectionReason.Oversize),
            ("stranger", Valid, TelemetryRejectionReason.UnknownTarget),
            ("known.extra.token", Valid, TelemetryRejectionReason.InvalidSubject),
            ("known", """{ "source": "a", "metrics": { "cpu": 1 }, "ready": "yes" }""", TelemetryRejectionReason.InvalidField),
        };
        Assert.Equal(Enum.GetValues<TelemetryRejectionReason>().Order(), cases.Select(c => c.Reason).Order());

        foreach (var (subject, json, _) in cases)
        {
            await harness.PublishAsync(subject, json);
        }

        var republished = new List<NatsMsg<byte[]>>();
        for (var i = 0; i < cases.Length; i++)
        {
            republished.Add(await rejected.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience));
        }

        // Republished in arrival order, except the unknown target's: it is rejected only after the catalog was read again.
        var byReason = republished.ToDictionary(m => m.Headers!["Autoscaler-Reject-Reason"].ToString());
        Assert.Equal(TelemetryRejectionReason.UnknownTarget.ToString(), republished[^1].Headers!["Autoscaler-Reject-Reason"].ToString());
        foreach (var (subject, _, reason) in cases)
        {
            var message = byReason[reason.ToString()];
            Assert.Equal($"{harness.Prefix}.{subject}", message.Headers!["Autoscaler-Subject"].ToString());
            Assert.False(string.IsNullOrEmpty(message.Headers["Autoscaler-Reject-Message"].ToString()));
            Assert.Equal(1, harness.Counters.Rejected(reason));
        }

        Assert.Equal(Encoding.UTF8.GetBytes("{ nope"), byReason["InvalidJson"].Data);
        Assert.Equal("true", byReason["Oversize"].Headers!["Autoscaler-Truncated"].ToString());
        Assert.Equal(512, byReason["Oversize"].Data!.Length);
        Assert.Empty(harness.Sink.Samples);
    }

    [Fact]
    public async Task Garbage_flood_does_not_starve_valid_traffic()
    {
        const int garbage = 20_000;
        const int valid = 200;
        await using var harness = await NatsIngestionHarness.StartAsync(TestEnvironment.NatsUrl, null, "busy");
        var junk = Encoding.UTF8.GetBytes("""{ "source": "spammer", "metrics": { "cpu": "definitely not a number" } }""");
        var good = Encoding.UTF8.GetBytes(Valid);

        for (var i = 0; i < garbage + valid; i++)
        {
            await harness.PublishAsync("busy", i % ((garbage / valid) + 1) == 0 ? good : junk);
        }

        await harness.Sink.WaitForAsync("busy", valid);
        await harness.Agent.PublishAsync($"{harness.Prefix}.busy", Encoding.UTF8.GetBytes("""{ "source": "marker", "metrics": { "end": 1 } }"""));
        await harness.Sink.WaitForAsync("busy", valid + 1);

        var snapshot = harness.Counters.Snapshot();
        Assert.Equal(valid + 1, harness.Sink.For("busy").Count);
        Assert.Equal(garbage, snapshot.Rejected[TelemetryRejectionReason.NonNumericValue]);
        Assert.Equal(garbage + valid + 1, snapshot.MessagesReceived);
        Assert.Equal(0, harness.NatsCounters.ClientDropped);
        Assert.Equal(0, snapshot.Overflowed);
    }

    [Fact]
    public async Task Blocked_sink_overflows_its_target_queue_and_the_overflow_is_counted()
    {
        await using var harness = await NatsIngestionHarness.StartAsync(
            TestEnvironment.NatsUrl, o => { o.QueueCapacityPerTarget = 4; o.MaxBatchSize = 1; }, "slow", "fast");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sink.SlowTarget = "slow";
        harness.Sink.Hold = release.Task;

        await harness.PublishAsync("slow", Valid);
        await harness.Sink.HoldEntered.Task.WaitAsync(NatsTestHosts.Patience);
        for (var i = 0; i < 10; i++)
        {
            await harness.PublishAsync("slow", Valid);
        }

        await harness.PublishAsync("fast", Valid);
        await harness.Sink.WaitForAsync("fast", 1);
        var whileBlocked = harness.Counters.Snapshot();
        var health = new TelemetryIngestionHealthCheck(harness.Counters, harness.Service);
        var healthWhileBlocked = (await health.CheckHealthAsync(new())).Data;
        release.SetResult();
        await harness.Sink.WaitForAsync("slow", 5);
        await harness.Dispatcher.DrainAsync(CancellationToken.None);
        var healthAfter = (await health.CheckHealthAsync(new())).Data;

        Assert.Equal(6L, healthWhileBlocked["samplesAccepted"]);
        Assert.InRange((long)healthWhileBlocked["samplesDelivered"], 0L, 1L); // "fast" may still be on its way; "slow" is held
        Assert.Equal(6L, healthWhileBlocked["overflowed"]);
        Assert.Equal(6L, healthAfter["samplesDelivered"]);
        Assert.Equal(6L, healthAfter["batchesDelivered"]); // MaxBatchSize = 1
        Assert.Equal(6, whileBlocked.Overflowed);
        Assert.Equal(1 + 4 + 1, whileBlocked.SamplesAccepted);
        Assert.Equal(5, harness.Sink.For("slow").Count);
        Assert.Equal(0, whileBlocked.RejectedTotal);
    }

    [Fact]
    public async Task Outage_reports_not_ready_then_reconnects_and_ingestion_resumes()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await using var harness = await NatsIngestionHarness.StartAsync(server.Url, null, "steady");
        var connection = (NatsConnection)harness.Host.Connection!;
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reopened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionDisconnected += (_, _) => { disconnected.TrySetResult(); return ValueTask.CompletedTask; };
        connection.ConnectionOpened += (_, _) => { reopened.TrySetResult(); return ValueTask.CompletedTask; };
        await harness.PublishAsync("steady", Valid);
        await harness.Sink.WaitForAsync("steady", 1);
        var health = new TelemetryIngestionHealthCheck(harness.Counters, harness.Service);

        await server.StopAsync();
        await disconnected.Task.WaitAsync(NatsTestHosts.Patience);
        var statusDuringOutage = harness.Service.Status;
        var healthDuringOutage = await health.CheckHealthAsync(new());
        await server.StartAsync();
        await reopened.Task.WaitAsync(NatsTestHosts.Patience);
        await connection.PingAsync();
        await using var agent = new NatsConnection(new NatsOpts { Url = server.Url });
        await agent.PublishAsync($"{harness.Prefix}.steady", Encoding.UTF8.GetBytes("""{ "source": "after", "metrics": { "cpu": 2 } }"""));
        await harness.Sink.WaitForAsync("steady", 2);

        Assert.Equal(TelemetryIngestionStatus.Disconnected, statusDuringOutage);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, healthDuringOutage.Status);
        Assert.Equal("after", harness.Sink.For("steady")[1].Source);
        Assert.Equal(TelemetryIngestionStatus.Ready, harness.Service.Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await health.CheckHealthAsync(new())).Status);
    }

    [Fact]
    public async Task A_target_registered_through_another_silo_is_accepted_from_its_first_message_after_a_catalog_read()
    {
        // Issue 13, defect 6: the catalog still lags the registration; ingestion reads it again before rejecting.
        await using var harness = await NatsIngestionHarness.StartAsync(TestEnvironment.NatsUrl, null, "known");
        harness.Catalog.RegisterElsewhere("fresh");
        await using var rejected = await harness.Agent.SubscribeCoreAsync<byte[]>($"{harness.Prefix}.rejected");
        await harness.Agent.PingAsync();

        for (var i = 1; i <= 3; i++)
        {
            await harness.PublishAsync("fresh", $$"""{ "source": "agent-1", "metrics": { "n": {{i}} } }""");
        }

        await harness.PublishAsync("never-registered", Valid);
        await harness.Sink.WaitForAsync("fresh", 3);
        // A reject is counted before it is republished: its arrival on the rejected subject says the count is in.
        await rejected.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);
        Assert.Equal(1, harness.Counters.Rejected(TelemetryRejectionReason.UnknownTarget));

        Assert.Equal([1.0, 2, 3], harness.Sink.For("fresh").Select(s => s.Metrics["n"]));
        Assert.Empty(harness.Sink.For("never-registered"));
        Assert.InRange(harness.Catalog.Refreshes, 1, 3);
    }

    [Fact]
    public async Task Auto_registration_accepts_unknown_targets()
    {
        await using var harness = await NatsIngestionHarness.StartAsync(TestEnvironment.NatsUrl, o => o.AutoRegisterTargets = true);

        await harness.PublishAsync("brand-new", Valid);
        await harness.Sink.WaitForAsync("brand-new", 1);

        Assert.Equal(0, harness.Counters.Rejected(TelemetryRejectionReason.UnknownTarget));
    }
}
