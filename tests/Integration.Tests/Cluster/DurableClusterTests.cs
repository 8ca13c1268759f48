using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Testing;
using Npgsql;

namespace Autoscaler.Integration.Tests.Cluster;

/// <summary>Issue 2 (a) and (d): silos on PostgreSQL clustering form one cluster, persisted grain state survives a silo
/// kill and a full restart, and a silo refuses to start on an unreachable or too-new database.</summary>
public sealed class DurableClusterTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Two_silos_form_one_cluster_and_grain_state_survives_a_silo_kill_and_a_full_restart()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var first = await cluster.StartSiloAsync("silo-a");
        var second = await cluster.StartSiloAsync("silo-b");
        await WaitForActiveSilosAsync(first, 2);
        await cluster.ConnectClientAsync();

        // Enough grains that random placement puts some on each silo.
        var scopes = Enumerable.Range(0, 24).Select(i => $"scope-{i}").ToList();
        foreach (var scope in scopes)
        {
            var supervisor = cluster.Client.GetGrain<ISupervisorGrain>(scope);
            await supervisor.ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MaxTotalCapacity: scopes.IndexOf(scope) + 10) });
            await supervisor.ReportAsync(new TargetCapacityReport($"{scope}-worker", 3, 1, 0.05m, 10m));
        }

        await first.KillAsync();
        foreach (var scope in scopes)
        {
            var status = await DurableCluster.EventuallyAsync(() => cluster.Client.GetGrain<ISupervisorGrain>(scope).GetStatusAsync(), TimeSpan.FromSeconds(45));
            Assert.Equal(scopes.IndexOf(scope) + 10, status.Settings.Limits.MaxTotalCapacity);
            Assert.Equal(3, status.TotalCapacity);
        }

        await second.KillAsync();
        var third = await cluster.StartSiloAsync("silo-c");
        var restored = await DurableCluster.EventuallyAsync(
            () => cluster.Client.GetGrain<ISupervisorGrain>("scope-5").GetStatusAsync(), TimeSpan.FromSeconds(45));
        Assert.Equal(15, restored.Settings.Limits.MaxTotalCapacity);
        Assert.True(third.IsRunning);
    }

    [Fact]
    public async Task A_burst_of_concurrent_registrations_is_group_committed_and_every_target_survives_a_restart()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var first = await cluster.StartSiloAsync("silo-a");
        await WaitForActiveSilosAsync(first, 1);
        await cluster.ConnectClientAsync();
        var ids = Enumerable.Range(0, 150).Select(i => $"burst-{i:000}").ToList();

        // Every registration writes the one directory and the scope's supervisor: concurrent ones share their writes.
        await Task.WhenAll(ids.Select(id => cluster.Client.GetGrain<IServiceGrain>(id)
            .ConfigureAsync(new TargetDefinition(id, 1, 10, 2, ActuatorBinding.Simulated, Scope: "burst"))));

        await first.KillAsync();
        var second = await cluster.StartSiloAsync("silo-b");
        var directory = await DurableCluster.EventuallyAsync(
            () => cluster.Client.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync(), TimeSpan.FromSeconds(45));
        var supervisor = await cluster.Client.GetGrain<ISupervisorGrain>("burst").GetStatusAsync();

        // Reloaded before their first evaluation: their state as registration wrote it must read back.
        var reloaded = await Task.WhenAll(ids.Take(10).Select(id => cluster.Client.GetGrain<IServiceGrain>(id).GetStatusAsync()));

        Assert.All(reloaded, status => Assert.Equal(2, status.Current));
        Assert.All(ids, id => Assert.Equal("burst", directory.Targets.GetValueOrDefault(id)));
        Assert.Equal(ids.Count, supervisor.Targets.Count);
        Assert.Equal(2 * ids.Count, supervisor.TotalCapacity);
        Assert.True(second.IsRunning);
    }

    [Fact]
    public async Task A_silo_refuses_to_start_when_the_database_is_unreachable_and_says_where_it_tried()
    {
        var closedPort = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Port = 1, Timeout = 2 };
        await using var silo = SiloProcess.Start("unreachable", new Dictionary<string, string>
        {
            ["ConnectionStrings__Autoscaler"] = closedPort.ConnectionString,
        });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("127.0.0.1:1", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Silo failed to start:", silo.Output, StringComparison.Ordinal);
        Hosting.SiloStartupTests.AssertNoStackTraceOrErrorRecord(silo.Output);
        Assert.DoesNotContain("Password=", silo.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_silo_refuses_to_start_on_a_schema_newer_than_it_knows_and_leaves_the_database_untouched()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("newer");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());" +
                "INSERT INTO schema_version (version, name, checksum) VALUES (999, 'from_the_future', 'x');", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var silo = SiloProcess.Start("too-old", new Dictionary<string, string> { ["ConnectionStrings__Autoscaler"] = database });
        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Silo failed to start: database schema version 999 is newer than this build knows", silo.Output, StringComparison.Ordinal);
        Hosting.SiloStartupTests.AssertNoStackTraceOrErrorRecord(silo.Output);
        await using var check = new NpgsqlConnection(database);
        await check.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", check);
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
    }

    private static async Task WaitForActiveSilosAsync(SiloProcess silo, int expected)
    {
        var seen = await DurableCluster.EventuallyAsync(async () =>
        {
            using var body = await Http.GetFromJsonAsync<JsonDocument>(new Uri(silo.BaseAddress, "/health/ready"));
            var active = body!.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("activeSilos").GetInt32();
            return active == expected ? active : throw new OrleansException($"{active} active silos so far");
        }, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, seen);
    }
}
