using System.Net;
using System.Net.Sockets;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Testing;
using Npgsql;

namespace Autoscaler.Adapters.Tests.PostgreSql;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Migration_applies_every_script_in_order_and_records_it()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");

        var result = await new SchemaMigrator(database).MigrateAsync();

        Assert.Equal(SchemaScripts.All.Select(s => s.Version), result.Applied.Select(s => s.Version));
        Assert.Equal(SchemaScripts.LatestVersion, result.DatabaseVersion);
        var recorded = await DatabaseCatalog.ScalarAsync<string>(
            database, "SELECT string_agg(version || ':' || name || ':' || checksum, ',' ORDER BY version) FROM schema_version");
        Assert.Equal(string.Join(',', SchemaScripts.All.Select(s => $"{s.Version}:{s.Name}:{s.Checksum}")), recorded);
    }

    [Fact]
    public async Task Running_twice_leaves_the_same_schema_and_applies_nothing()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");
        await new SchemaMigrator(database).MigrateAsync();
        var first = await DatabaseCatalog.DumpAsync(database);

        var again = await new SchemaMigrator(database).MigrateAsync();

        Assert.Empty(again.Applied);
        Assert.Equal(SchemaScripts.LatestVersion, again.DatabaseVersion);
        Assert.Equal(first, await DatabaseCatalog.DumpAsync(database));
        Assert.Contains("query WriteToStorageKey", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_migrations_apply_each_script_exactly_once()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");
        const int migrators = 6;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var runs = Enumerable.Range(0, migrators).Select(async _ =>
        {
            await start.Task;
            return await new SchemaMigrator(database).MigrateAsync();
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(runs);

        Assert.Equal(SchemaScripts.All.Count, results.Sum(r => r.Applied.Count));
        Assert.All(results, r => Assert.Equal(SchemaScripts.LatestVersion, r.DatabaseVersion));
        Assert.Equal(SchemaScripts.All.Count, await DatabaseCatalog.ScalarAsync<long>(database, "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task A_database_newer_than_the_build_is_refused_with_an_upgrade_message()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");
        await new SchemaMigrator(database).MigrateAsync();
        var newer = SchemaScripts.LatestVersion + 2;
        await DatabaseCatalog.ExecuteAsync(
            database, $"INSERT INTO schema_version (version, name, checksum) VALUES ({newer}, 'from_the_future', 'x')");

        var migrate = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database).MigrateAsync());
        var verify = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database).VerifyAsync());

        var expected = $"database schema version {newer} is newer than this build knows ({SchemaScripts.LatestVersion}): upgrade the silo";
        Assert.Equal(expected, migrate.Message);
        Assert.Equal(SchemaMigrationFailure.SchemaTooNew, migrate.Failure);
        Assert.Equal(expected, verify.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_by_host_and_port_without_the_password()
    {
        var port = ClosedLoopbackPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Username=autoscaler;Password=hunter2-secret;Database=autoscaler;Timeout=5";

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(connectionString).MigrateAsync());

        Assert.Equal(SchemaMigrationFailure.Unreachable, error.Failure);
        Assert.StartsWith($"cannot reach PostgreSQL at 127.0.0.1:{port} (database 'autoscaler'): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_missing_database_is_reported_as_rejected_not_unreachable()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString)
        {
            Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..8],
        }.ConnectionString;

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(connectionString).MigrateAsync());

        Assert.Equal(SchemaMigrationFailure.Rejected, error.Failure);
        Assert.Contains("3D000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_script_is_rolled_back_and_earlier_scripts_stay_applied()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");
        var scripts = new[]
        {
            SchemaScripts.Parse("0001_first.sql", "CREATE TABLE first_table (id int);")!,
            SchemaScripts.Parse("0002_broken.sql", "CREATE TABLE second_table (id int); SELECT no_such_function();")!,
        };

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database, scripts: scripts).MigrateAsync());

        Assert.Equal(SchemaMigrationFailure.ScriptFailed, error.Failure);
        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await DatabaseCatalog.ScalarAsync<long>(database, "SELECT count(*) FROM schema_version"));
        Assert.True(await DatabaseCatalog.ScalarAsync<bool>(database, "SELECT to_regclass('first_table') IS NOT NULL"));
        Assert.True(await DatabaseCatalog.ScalarAsync<bool>(database, "SELECT to_regclass('second_table') IS NULL"));
    }

    [Fact]
    public async Task An_applied_script_that_was_edited_afterwards_is_refused()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");
        var original = new[] { SchemaScripts.Parse("0001_first.sql", "CREATE TABLE first_table (id int);")! };
        await new SchemaMigrator(database, scripts: original).MigrateAsync();
        var edited = new[] { SchemaScripts.Parse("0001_first.sql", "CREATE TABLE first_table (id bigint);")! };

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database, scripts: edited).MigrateAsync());

        Assert.Equal(SchemaMigrationFailure.ChecksumMismatch, error.Failure);
        Assert.Contains("0001_first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_missing_scripts_of_an_empty_database_and_passes_after_migration()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("mig");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator(database).VerifyAsync());
        await new SchemaMigrator(database).MigrateAsync();

        Assert.Equal(SchemaMigrationFailure.SchemaBehind, error.Failure);
        Assert.Contains("autoscaler migrate", error.Message, StringComparison.Ordinal);
        Assert.Equal(SchemaScripts.LatestVersion, await new SchemaMigrator(database).VerifyAsync());
    }

    [Fact]
    public async Task OrleansQuery_holds_every_key_the_10_4_2_providers_read()
    {
        // The keys the 10.4.2 assemblies look up (clustering 9, persistence 4, reminders 7). The optional clustering key
        // CleanupDefunctSiloEntryKey is deliberately absent: the provider then uses CleanupDefunctSiloEntriesKey.
        string[] required =
        [
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "CleanupDefunctSiloEntriesKey",
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        var database = await TestEnvironment.CreateDatabaseAsync("mig");
        await new SchemaMigrator(database).MigrateAsync();

        var keys = await DatabaseCatalog.ScalarAsync<string[]>(database, "SELECT array_agg(querykey ORDER BY querykey) FROM orleansquery");

        Assert.Equal(required.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Embedded_scripts_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, SchemaScripts.All.Count), SchemaScripts.All.Select(s => s.Version));
        Assert.All(SchemaScripts.All, s => Assert.Equal(64, s.Checksum.Length));
    }

    private static int ClosedLoopbackPort()
    {
        // Bind then release: nothing listens on the port afterwards, so a connection attempt is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
