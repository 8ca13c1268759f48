using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Integration.Tests.Cluster;
using Autoscaler.Testing;
using Npgsql;
using Orleans.Runtime;

namespace Autoscaler.Integration.Tests.Failover;

/// <summary>
/// Issue 4: a busy target's silo is SIGKILLed during a scale-out storm (three real silo processes on a fresh PostgreSQL
/// database, the webhook actuator against a receiver on 127.0.0.1). The target comes back on a survivor with its windows,
/// recent decisions and scale events, decides again within 15 s, and no decision is lost, applied twice or recorded twice.
/// </summary>
public sealed class FailoverUnderStormTests
{
    private const string Secret = "failover-test-webhook-secret";

    // Scale-out is rate-limited to +1 per 10 s: if the scale events were lost in failover, the new activation would
    // scale again well inside those 10 s, which the spacing check below catches.
    private const string Behavior = """{ "scaleUp": { "stabilizationWindowSeconds": 0, "policies": [ { "type": "Pods", "value": 1, "periodSeconds": 10 } ] } }""";

    [Fact]
    public async Task A_killed_silo_hands_the_target_over_with_its_windows_and_history_and_no_decision_is_lost_or_doubled()
    {
        // A safety bound, not a speed target (resuming within 15 s is asserted below): three silo start-ups on a busy machine take most of it.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var cluster = await DurableCluster.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync(initial: 2);
        var environment = cluster.SiloEnvironment();
        environment["Actuators__Webhook__Secret"] = Secret;
        var silos = new List<SiloProcess>();
        try
        {
            foreach (var name in new[] { "silo-a", "silo-b", "silo-c" })
            {
                silos.Add(SiloProcess.Start(name, environment));
            }

            await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
            await cluster.ConnectClientAsync();
            var management = cluster.Client.GetGrain<IManagementGrain>(0);
            await WaitUntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 3, deadline.Token);

            var id = $"storm-{Guid.NewGuid():N}"[..16];
            var grain = cluster.Client.GetGrain<IServiceGrain>(id);
            await grain.ConfigureAsync(receiver.Target(id, Behavior));
            await grain.SetPolicyAsync(new PolicyDefinition(
                "cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }"""));

            // A marker metric sent once, before the storm: after failover only a restored window can still know it.
            var markedAt = DateTimeOffset.UtcNow;
            await grain.IngestAsync([Mem("m1", markedAt, 10), Mem("m2", markedAt, 20), Mem("m3", markedAt, 30)]);

            using var stopStorm = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var storm = StormAsync(cluster.Client, id, stopStorm.Token);

            var first = await receiver.Arrivals.ReadAsync(deadline.Token);

            // Kill once the outcome is written (a kill between the scale call and its outcome is the write-ahead path, with its own tests).
            await WaitUntilAsync(async () => (await grain.GetStatusAsync()).Current == first.Desired, deadline.Token);
            var host = await HostOfAsync(management, id);
            var victim = silos.Single(s => s.SiloPort == host.Endpoint.Port);
            await victim.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;

            var status = await DurableCluster.EventuallyAsync(() => grain.GetStatusAsync(), TimeSpan.FromSeconds(40));
            var reactivatedAt = DateTimeOffset.UtcNow;
            var metrics = await grain.GetMetricsAsync();
            var recent = await grain.GetRecentDecisionsAsync(50);
            var newHost = await HostOfAsync(management, id);

            // Decisions resume: the next scale call arrives within 15 s of the reactivation.
            var next = await receiver.Arrivals.ReadAsync(deadline.Token);
            var resumedAfter = next.ArrivedAt - reactivatedAt;
            var third = await receiver.Arrivals.ReadAsync(deadline.Token);
            await WaitUntilAsync(async () => (await grain.GetStatusAsync()).Current == third.Desired, deadline.Token);
            await stopStorm.CancelAsync();
            await storm;

            Assert.NotEqual(host, newHost);
            Assert.True(silos.Where(s => s != victim).All(s => s.IsRunning));
            var mem = metrics.Single(m => m.Name == "mem");
            Assert.Equal(3, mem.Aggregates["count_1h"]);
            Assert.Equal(20, mem.Aggregates["avg_1h"]);
            Assert.Contains(metrics, m => m.Name == "cpu" && m.Aggregates["count_1h"] > 0);
            Assert.Contains(recent, d => d.Id == first.DecisionId);
            Assert.True(status.Current >= first.Desired, $"capacity {status.Current} went back below {first.Desired}");
            Assert.True(resumedAfter <= TimeSpan.FromSeconds(15), $"next decision {resumedAfter.TotalSeconds:F1} s after reactivation (killed at {killedAt:O})");

            // Every scale call is a distinct decision, sent once, in sequence, each one capacity step after the last.
            var received = receiver.Received;
            Assert.Equal(received.Count, received.Select(r => r.DecisionId).Distinct().Count());
            Assert.Equal(Enumerable.Range(3, received.Count), received.Select(r => r.Desired));
            Assert.Contains(third, received);

            // The history store has each decision once, and the rate limit held across the failover (scale events survived).
            var rows = await HistoryAsync(cluster.ConnectionString, id);
            var decisions = rows.Where(r => r.Kind == "decision").ToList();
            Assert.Equal(decisions.Count, decisions.Select(r => r.Id).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, decisions.Count).Select(n => $"{id}-{n}"), decisions.OrderBy(r => r.At).Select(r => r.Id));
            Assert.All(received, r => Assert.Single(decisions, d => d.Id == r.DecisionId));
            var actuated = rows.Where(r => r.Kind == "actuated").ToList();
            Assert.Equal(actuated.Count, actuated.Select(r => r.Id).Distinct().Count());
            Assert.All(received, r => Assert.Single(actuated, a => a.Id == $"{r.DecisionId}:actuated"));
            var decidedAt = decisions.Where(d => received.Any(r => r.DecisionId == d.Id)).Select(d => d.At).Order().ToList();
            Assert.All(decidedAt.Zip(decidedAt.Skip(1)), pair => Assert.True(
                pair.Second - pair.First >= TimeSpan.FromSeconds(9.9), $"scale-outs at {pair.First:O} and {pair.Second:O} broke the 10 s rate limit"));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static TelemetrySample Mem(string source, DateTimeOffset at, double value) =>
        new(source, at, new Dictionary<string, double> { ["mem"] = value });

    /// <summary>Five agents at 100 % CPU against a 50 % target, every 100 ms; calls to a dead silo just fail and go on.</summary>
    private static async Task StormAsync(IClusterClient client, string id, CancellationToken stop)
    {
        var grain = client.GetGrain<IServiceGrain>(id);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                var now = DateTimeOffset.UtcNow;
                var points = Enumerable.Range(0, 5)
                    .Select(agent => new TelemetrySample($"agent-{agent}", now, new Dictionary<string, double> { ["cpu"] = 100 }))
                    .ToList();
                try
                {
                    await grain.IngestAsync(points).WaitAsync(TimeSpan.FromSeconds(2), stop);
                }
                catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
                {
                    // The silo hosting the target is gone; the next batch goes to its new activation.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The storm is over.
        }
    }

    private static async Task<SiloAddress> HostOfAsync(IManagementGrain management, string id)
    {
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId.Key.ToString() == id && s.GrainType.Contains("ServiceGrain", StringComparison.Ordinal)).SiloAddress;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellation)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!await condition())
        {
            await poll.WaitForNextTickAsync(cancellation);
        }
    }

    private static async Task<List<(string Id, string Kind, DateTimeOffset At)>> HistoryAsync(string connectionString, string target)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, kind, at FROM scaling_history WHERE target = @target ORDER BY at, id", connection);
        command.Parameters.AddWithValue("target", target);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, DateTimeOffset)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return rows;
    }
}
