using System.Net;
using System.Text;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Integration.Tests.Cluster;
using Autoscaler.Integration.Tests.Failover;
using Autoscaler.Testing;
using NATS.Client.Core;
using Orleans.Runtime;

namespace Autoscaler.Integration.Tests.Chaos;

/// <summary>
/// Issue 13, chaos scenarios "nats-server restarted" and "PostgreSQL restarted": two real silos on a private PostgreSQL
/// and a private nats-server (both on loopback, both stopped and started by the test), a scale-out storm arriving over
/// NATS, the signed webhook actuator recording every call. Readiness stays 200 through both outages (the dependency is
/// reported Degraded), and afterwards every actuated decision has its decision row, decision numbers are contiguous,
/// nothing was applied twice, capacity never went backwards, and no telemetry delivery was given up.
/// </summary>
public sealed class StorageAndNatsOutageTests
{
    private const string Behavior = """{ "scaleUp": { "stabilizationWindowSeconds": 0, "policies": [ { "type": "Pods", "value": 1, "periodSeconds": 3 } ] } }""";

    [Fact]
    public async Task Through_a_NATS_restart_and_a_PostgreSQL_restart_readiness_holds_and_no_decision_or_sample_is_lost()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await using var postgres = await PostgresServerProcess.StartAsync("chaos");
        await using var nats = await NatsServerProcess.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(initial: 2);
        await using var cluster = DurableCluster.OnDatabase(postgres.ConnectionString("chaos"));
        var environment = cluster.SiloEnvironment();
        environment["Actuators__Webhook__Secret"] = "chaos-test-webhook-secret";
        environment["Nats__Url"] = nats.Url;
        environment["PostgreSql__BaseRetryDelay"] = "00:00:00.500";
        foreach (var (key, value) in ChaosProbes.KeyEnvironment())
        {
            environment[key] = value;
        }

        var silos = new[] { SiloProcess.Start("chaos-a", environment), SiloProcess.Start("chaos-b", environment) };
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
            await cluster.ConnectClientAsync();
            var id = $"chaos-{Guid.NewGuid():N}"[..16];
            var grain = cluster.Client.GetGrain<IServiceGrain>(id);
            await grain.ConfigureAsync(receiver.Target(id, Behavior));
            await grain.SetPolicyAsync(new PolicyDefinition(
                "cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }"""));

            await using var agents = new NatsConnection(new NatsOpts { Url = nats.Url, Name = "chaos-agents" });
            using var stopStorm = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var storm = StormAsync(agents, id, stopStorm.Token);
            await ArrivalsAsync(receiver, 2, deadline.Token);

            // nats-server goes away for 4 s: every silo stays ready, NATS and ingestion reported Degraded.
            await nats.StopAsync();
            var duringNats = await ProbeReadinessAsync(silos, TimeSpan.FromSeconds(4), deadline.Token);
            await nats.StartAsync();
            await ArrivalsAsync(receiver, receiver.Received.Count + 1, deadline.Token);

            // PostgreSQL stops (fast: every pooled connection is ended, 57P01) for 8 s and comes back.
            await postgres.StopAsync();
            var duringPostgres = await ProbeReadinessAsync(silos, TimeSpan.FromSeconds(8), deadline.Token);
            await postgres.StartAsync();
            await ArrivalsAsync(receiver, receiver.Received.Count + 2, deadline.Token);
            await stopStorm.CancelAsync();
            await storm;

            // Readiness as documented: 200 throughout, the dependency Degraded in the body and 503 on its own route.
            Assert.All(duringNats.Concat(duringPostgres), probe => Assert.Equal(HttpStatusCode.OK, probe.Ready));
            Assert.Contains(duringNats, probe => probe.Checks["nats"] == "Degraded" && probe.Dependencies == HttpStatusCode.ServiceUnavailable);
            Assert.Contains(duringPostgres, probe => probe.Checks["storage"] == "Degraded" && probe.Dependencies == HttpStatusCode.ServiceUnavailable);

            // Every scale call is a distinct decision, applied once, one step above the last: capacity never went back.
            var received = receiver.Received;
            Assert.Equal(received.Count, received.Select(r => r.DecisionId).Distinct().Count());
            Assert.Equal(Enumerable.Range(3, received.Count), received.Select(r => r.Desired));

            // The history catches up from the outboxes: every actuated decision has its decision row, numbers contiguous.
            var connection = postgres.ConnectionString("chaos");
            List<(string Id, string Kind)> rows = [];
            var consistent = await ChaosProbes.EventuallyAsync(async () =>
            {
                rows = await ChaosProbes.HistoryAsync(connection, id);
                var decided = rows.Where(r => r.Kind == "decision").Select(r => r.Id).ToHashSet();
                return received.All(r => decided.Contains(r.DecisionId) && rows.Contains(($"{r.DecisionId}:actuated", "actuated")));
            }, TimeSpan.FromSeconds(40));
            Assert.True(consistent, $"history rows: {string.Join(", ", rows)}; webhook calls: {string.Join(", ", received.Select(r => r.DecisionId))}");
            var decisions = rows.Where(r => r.Kind == "decision").Select(r => r.Id).ToList();
            Assert.Equal(decisions.Count, decisions.Distinct().Count());
            Assert.Equal(
                Enumerable.Range(1, decisions.Count).Select(n => $"{id}-{n}"),
                decisions.OrderBy(d => long.Parse(d[(id.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
            var actuated = rows.Where(r => r.Kind == "actuated").Select(r => r.Id).ToList();
            Assert.All(actuated, a => Assert.Contains(a[..^":actuated".Length], decisions));

            // Delivery failures were retried, none given up.
            foreach (var silo in silos)
            {
                var (_, body) = await ChaosProbes.HealthAsync(silo, "/health/ready");
                Assert.Equal(0, ChaosProbes.TelemetryCounter(body, "samplesAbandoned"));
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Five agents at 100 % CPU against a 50 % target, every 100 ms, over NATS (the client reconnects on its own).</summary>
    private static async Task StormAsync(NatsConnection agents, string id, CancellationToken stop)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                var batch = string.Join(", ", Enumerable.Range(0, 5).Select(a => $$"""{ "source": "agent-{{a}}", "metrics": { "cpu": 100 } }"""));
                try
                {
                    await agents.PublishAsync($"telemetry.{id}", Encoding.UTF8.GetBytes($"[{batch}]"), cancellationToken: stop);
                }
                catch (NatsException)
                {
                    // nats-server is down: the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The storm is over.
        }
    }

    private static async Task ArrivalsAsync(WebhookReceiver receiver, int count, CancellationToken cancellation)
    {
        while (receiver.Received.Count < count)
        {
            await receiver.Arrivals.WaitToReadAsync(cancellation);
            while (receiver.Arrivals.TryRead(out _))
            {
            }
        }
    }

    /// <summary>Polls both health routes of every silo for <paramref name="span"/>.</summary>
    private static async Task<List<ReadinessProbe>> ProbeReadinessAsync(SiloProcess[] silos, TimeSpan span, CancellationToken cancellation)
    {
        var probes = new List<ReadinessProbe>();
        var until = DateTimeOffset.UtcNow + span;
        while (DateTimeOffset.UtcNow < until)
        {
            foreach (var silo in silos)
            {
                var (ready, body) = await ChaosProbes.HealthAsync(silo, "/health/ready");
                var (dependencies, _) = await ChaosProbes.HealthAsync(silo, "/health/dependencies");
                var checks = body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
                probes.Add(new ReadinessProbe(ready, dependencies, checks));
            }

            await Task.Delay(500, cancellation);
        }

        return probes;
    }
}
