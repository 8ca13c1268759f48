using System.Net;
using Autoscaler.Adapters.PostgreSql.GrainStorage;
using Autoscaler.Adapters.PostgreSql.Hosting;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Autoscaler.Integration.Tests.PostgreSql;

/// <summary>
/// Orleans 10.4.2's own ADO.NET providers (clustering, grain storage, reminders) running on a database that only our
/// migrator prepared: proves the schema and the queries in <c>deploy/sql</c> honour the providers' contract.
/// </summary>
public sealed class OrleansOnPostgreSqlTests
{
    [Fact]
    public async Task A_silo_runs_on_the_migrated_schema_with_state_reminders_and_membership()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("orleans");
        await new SchemaMigrator(database).MigrateAsync();
        var logs = new CollectingLoggerProvider();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

        int counted;
        using (var first = BuildSilo(database, clusterId, logs))
        {
            await first.StartAsync();
            var grain = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IPersistedCounterGrain>("orders-api");
            await grain.IncrementAsync();
            counted = await grain.IncrementAsync();
            await grain.RegisterReminderAsync("evaluate");
            await grain.RegisterReminderAsync("to-remove");
            await grain.UnregisterReminderAsync("to-remove");

            Assert.Equal(2, counted);
            Assert.Equal(["evaluate"], await grain.ReminderNamesAsync());
            Assert.Equal(1L, await CountAsync(database, $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 3"));
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM orleansremindersTable WHERE remindername = 'evaluate'"));
            Assert.Equal(2L, await CountAsync(database, "SELECT count(*) FROM orleansstorage WHERE payloadbinary IS NOT NULL"));
            await first.StopAsync();
        }

        // A second silo (new generation) reads the state the first one wrote, and finds the first silo marked dead.
        using (var second = BuildSilo(database, clusterId, logs))
        {
            await second.StartAsync();
            var grain = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IPersistedCounterGrain>("orders-api");

            Assert.Equal(counted, await grain.GetAsync());
            Assert.Equal(["evaluate"], await grain.ReminderNamesAsync());
            Assert.Equal(3, await grain.IncrementAsync());
            Assert.Equal(1L, await CountAsync(database, $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 6"));

            // Clear: one storage keeps the row with a new version and no payload, the other deletes the row.
            await grain.ClearAsync();
            Assert.Equal(0, await grain.GetAsync());
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM orleansstorage"));
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM orleansstorage WHERE payloadbinary IS NULL AND version = 4"));
            Assert.Equal(1, await grain.IncrementAsync());

            // The defunct-silo clean-up removes the dead first silo and keeps the active one.
            var membership = second.Services.GetRequiredService<IMembershipTable>();
            await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
            Assert.Equal(0L, await CountAsync(database, $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 6"));
            Assert.Equal(1L, await CountAsync(database, $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 3"));

            await second.StopAsync();
        }

        AssertNoStorageErrors(logs);
    }

    [Fact]
    public async Task After_the_upgrade_to_the_batching_storage_a_grain_keeps_the_state_the_ADO_NET_provider_wrote()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("upgrade");
        await new SchemaMigrator(database).MigrateAsync();
        var logs = new CollectingLoggerProvider();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        using (var before = BuildSilo(database, clusterId, logs))
        {
            await before.StartAsync();
            var grain = before.Services.GetRequiredService<IGrainFactory>().GetGrain<IPersistedCounterGrain>("orders-api");
            await grain.IncrementAsync();
            Assert.Equal(2, await grain.IncrementAsync());
            await before.StopAsync();
        }

        using (var after = BuildSilo(database, clusterId, logs, upgraded: true))
        {
            await after.StartAsync();
            var grains = after.Services.GetRequiredService<IGrainFactory>();
            var grain = grains.GetGrain<IPersistedCounterGrain>("orders-api");

            // Read from the old table on the miss, copied with its version, then written in the new table only.
            Assert.Equal(2, await grain.GetAsync());
            Assert.Equal(3, await grain.IncrementAsync());
            Assert.Equal(3L, await CountAsync(database, "SELECT version::bigint FROM autoscaler_grain_state WHERE state_name = 'counter' AND grain_id LIKE '%/orders-api'"));
            Assert.Equal(2L, await CountAsync(database, "SELECT version::bigint FROM orleansstorage WHERE graintypestring = 'counter'"));

            // A new grain lives in the new table only; a cleared one keeps its row there, so the old row never comes back.
            Assert.Equal(1, await grains.GetGrain<IPersistedCounterGrain>("billing-api").IncrementAsync());
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM orleansstorage WHERE graintypestring = 'counter'"));
            // Only the state the old table holds was looked up there; the new grain's miss was not.
            Assert.Equal(1, Assert.IsType<PostgreSqlGrainStorage>(after.Services.GetRequiredKeyedService<IGrainStorage>("autoscaler")).LegacyReads);
            await grain.ClearAsync();
            Assert.Equal(1L, await CountAsync(database, "SELECT count(*) FROM autoscaler_grain_state WHERE payload IS NULL AND version = 4"));
            await after.StopAsync();
        }

        using (var again = BuildSilo(database, clusterId, logs, upgraded: true))
        {
            await again.StartAsync();
            var grains = again.Services.GetRequiredService<IGrainFactory>();
            Assert.Equal(0, await grains.GetGrain<IPersistedCounterGrain>("orders-api").GetAsync());
            Assert.Equal(1, await grains.GetGrain<IPersistedCounterGrain>("billing-api").GetAsync());
            await again.StopAsync();
        }

        AssertNoStorageErrors(logs);
    }

    [Fact]
    public async Task Two_silos_join_together_and_an_external_client_finds_them_through_the_gateway_query()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("orleans");
        await new SchemaMigrator(database).MigrateAsync();
        var logs = new CollectingLoggerProvider();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        using var first = BuildSilo(database, clusterId, logs);
        using var second = BuildSilo(database, clusterId, logs);

        // Started together: both race to create the version row and to insert themselves (InsertMembershipKey).
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        using var client = BuildClient(database, clusterId, logs);
        await client.StartAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        for (var i = 0; i < 8; i++)
        {
            var grain = grains.GetGrain<IPersistedCounterGrain>($"target-{i}");
            Assert.Equal(1, await grain.IncrementAsync());
            await grain.RegisterReminderAsync("evaluate");
        }

        Assert.Equal(2L, await CountAsync(database, $"SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 3"));
        Assert.Equal(8L, await CountAsync(database, "SELECT count(*) FROM orleansremindersTable"));
        Assert.Equal(16L, await CountAsync(database, "SELECT count(*) FROM orleansstorage"));
        await client.StopAsync();
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        AssertNoStorageErrors(logs);
    }

    [Fact]
    public async Task A_silo_host_with_AddAutoscalerPostgreSql_migrates_an_empty_database_before_Orleans_starts()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("orleans");
        var logs = new CollectingLoggerProvider();
        using var silo = BuildSilo(database, "cluster-" + Guid.NewGuid().ToString("N")[..8], logs, withAdapter: true);

        await silo.StartAsync();
        var grain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IPersistedCounterGrain>("fresh");

        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal((long)SchemaScripts.All.Count, await CountAsync(database, "SELECT count(*) FROM schema_version"));
        await silo.StopAsync();
    }

    [Fact]
    public async Task A_silo_host_refuses_to_start_when_the_database_cannot_be_migrated()
    {
        var logs = new CollectingLoggerProvider();
        using var silo = BuildSilo(
            "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=5", "cluster-unreachable", logs, withAdapter: true);

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => silo.StartAsync());

        Assert.Equal(SchemaMigrationFailure.Unreachable, error.Failure);
        // Had Orleans started, its membership table would have failed on the same server and logged errors.
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error Orleans", StringComparison.Ordinal));
    }

    private static void AssertNoStorageErrors(CollectingLoggerProvider logs)
    {
        var errors = logs.Entries.Where(e =>
            e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal)
            || e.Contains("Npgsql", StringComparison.Ordinal) || e.Contains("PostgresException", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static IHost BuildClient(string connectionString, string clusterId, CollectingLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = "autoscaler-tests";
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            }));
        return builder.Build();
    }

    private static IHost BuildSilo(string connectionString, string clusterId, CollectingLoggerProvider logs, bool withAdapter = false, bool upgraded = false)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        if (withAdapter || upgraded)
        {
            builder.Configuration["ConnectionStrings:Autoscaler"] = connectionString;
            builder.Services.AddAutoscalerPostgreSql();
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = "autoscaler-tests";
                })
                .ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next())
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage("autoscaler-delete", o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                    o.DeleteStateOnClear = true;
                })
                .UseAdoNetReminderService(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            if (upgraded)
            {
                // What the silo runs since issue 16: our batching provider, the ADO.NET one kept for states written before.
                silo.AddAutoscalerGrainStorage("autoscaler", connectionString);
            }
            else
            {
                silo.AddAdoNetGrainStorage("autoscaler", o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
        });
        return builder.Build();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
