using System.Diagnostics;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Placement;
using Autoscaler.Integration.Tests.Cluster;
using Autoscaler.Testing;
using Npgsql;
using Orleans.Runtime;

namespace Autoscaler.Integration.Tests.Failover;

/// <summary>
/// Issue 19: targets carry no reminder any more; the silos' keep-alive sweep brings them back. Two real silo processes on
/// a fresh PostgreSQL database, the sweep every second: the targets of a SIGKILLed silo are active again on the survivor
/// without anyone calling them, and the reminder table stays empty.
/// </summary>
public sealed class KeepAliveSweepFailoverTests
{
    [Fact]
    public async Task The_targets_of_a_killed_silo_are_activated_again_by_the_sweep_without_any_reminder_or_call()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var environment = cluster.SiloEnvironment();
        environment["KeepAlive__SweepSeconds"] = "1";
        var silos = new List<SiloProcess>();
        try
        {
            var management = await StartTwoSilosAsync(cluster, environment, silos);

            var ids = Enumerable.Range(0, 24).Select(i => $"sweep-{i:00}").ToList();
            await Task.WhenAll(ids.Select(id => cluster.Client.GetGrain<IServiceGrain>(id)
                .ConfigureAsync(new TargetDefinition(id, 1, 10, 2, ActuatorBinding.Simulated, Scope: "sweep"))));
            var hosts = await HostsAsync(management);
            var victimAddress = hosts[ids[0]];
            var moved = ids.Where(id => hosts[id] == victimAddress).ToList();
            var victim = silos.Single(s => s.SiloPort == victimAddress.Endpoint.Port);

            await victim.KillAsync();
            var killed = Stopwatch.StartNew();

            // Nobody calls the targets: only the survivor's sweep can activate them (bounded wait: death detection takes
            // a few seconds with the test's membership settings, then one sweep period).
            await WaitUntilAsync(
                async () =>
                {
                    var now = await DurableCluster.EventuallyAsync(() => HostsAsync(management), TimeSpan.FromSeconds(20));
                    return moved.All(id => now.TryGetValue(id, out var host) && host != victimAddress);
                },
                TimeSpan.FromSeconds(60));
            var back = killed.Elapsed;
            var statuses = await Task.WhenAll(moved.Select(id => cluster.Client.GetGrain<IServiceGrain>(id).GetStatusAsync()));

            Assert.NotEmpty(moved);
            Assert.All(statuses, s => Assert.Equal(2, s.Current));
            Assert.Equal(0, await ReminderRowsAsync(cluster.ConnectionString));
            Assert.True(back < TimeSpan.FromSeconds(30), $"the killed silo's {moved.Count} targets were active again only after {back.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_silo_that_joins_receives_the_targets_whose_home_it_is_and_they_keep_their_state()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var environment = cluster.SiloEnvironment();
        environment["KeepAlive__SweepSeconds"] = "1";
        environment["KeepAlive__SettleSeconds"] = "1";
        var silos = new List<SiloProcess>();
        try
        {
            var management = await StartTwoSilosAsync(cluster, environment, silos);
            var ids = Enumerable.Range(0, 30).Select(i => $"join-{i:00}").ToList();
            IServiceGrain Target(string id) => cluster.Client.GetGrain<IServiceGrain>(id);
            TargetDefinition Definition(string id, int max) => new(id, 1, max, 3, ActuatorBinding.Simulated, Scope: "join");
            await Task.WhenAll(ids.Select(id => Target(id).ConfigureAsync(Definition(id, 10))));
            var two = (await management.GetHosts(onlyActive: true)).Keys.ToList();
            var before = await HostsAsync(management);

            silos.Add(SiloProcess.Start("silo-c", environment));
            await silos[2].WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await WaitUntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 3, TimeSpan.FromSeconds(30));
            var three = (await management.GetHosts(onlyActive: true)).Keys.ToList();
            var joined = three.Single(s => !two.Contains(s));
            var movers = ids.Where(id => TargetHome.Of(id, three).Equals(joined)).ToList();

            // Bounded: the newcomer sweeps a second after it sees the change, then once a second.
            await WaitUntilAsync(
                async () =>
                {
                    var now = await DurableCluster.EventuallyAsync(() => HostsAsync(management), TimeSpan.FromSeconds(20));
                    return ids.All(id => now.TryGetValue(id, out var host) && host.Equals(TargetHome.Of(id, three)));
                },
                TimeSpan.FromSeconds(60));
            var after = await HostsAsync(management);
            var statuses = await Task.WhenAll(movers.Select(id => Target(id).GetStatusAsync()));
            // A write on the new silo: the stored row's version travelled with the target, so it is accepted.
            var edited = await Target(movers[0]).ConfigureAsync(Definition(movers[0], 12));

            Assert.All(ids, id => Assert.Equal(TargetHome.Of(id, two), before[id]));
            Assert.NotEmpty(movers);
            Assert.All(ids.Except(movers), id => Assert.Equal(before[id], after[id]));
            Assert.All(statuses, s => Assert.Equal((10, 3), (s.Definition!.Max, s.Current)));
            Assert.Equal(12, edited.Definition!.Max);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    // Two silo processes (added to silos, which the caller disposes), a client, both silos active.
    private static async Task<IManagementGrain> StartTwoSilosAsync(DurableCluster cluster, Dictionary<string, string> environment, List<SiloProcess> silos)
    {
        foreach (var name in new[] { "silo-a", "silo-b" })
        {
            silos.Add(SiloProcess.Start(name, environment));
        }

        await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))));
        await cluster.ConnectClientAsync();
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await WaitUntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30));
        return management;
    }

    private static async Task<Dictionary<string, SiloAddress>> HostsAsync(IManagementGrain management)
    {
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics
            .Where(s => s.GrainType.Contains("ServiceGrain", StringComparison.Ordinal))
            .GroupBy(s => s.GrainId.Key.ToString()!)
            .ToDictionary(g => g.Key, g => g.First().SiloAddress);
    }

    private static async Task<long> ReminderRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The targets' rows only: fleet-wide singletons (the cost recommendations grain) keep their one reminder.
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE '%sweep-%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!await condition())
        {
            await poll.WaitForNextTickAsync(deadline.Token);
        }
    }
}
