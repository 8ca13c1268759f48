using Autoscaler.Adapters.PostgreSql;
using Autoscaler.Adapters.PostgreSql.History;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.History;
using Autoscaler.Testing;
using Npgsql;

namespace Autoscaler.Adapters.Tests.PostgreSql;

/// <summary>
/// Issue 13, defect 1: after a PostgreSQL restart the history's first write used a pooled connection the server had
/// closed (<c>57P01</c>) and was lost. The server ending every connection of the store (as a restart does) is played on
/// the real server with <c>pg_terminate_backend</c>: the next append and query still succeed, stored once.
/// </summary>
public sealed class HistoryStoreRestartTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Appends_and_queries_after_the_server_closed_every_pooled_connection_are_retried_and_stored_once()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("hist");
        await new SchemaMigrator(database).MigrateAsync();
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "history-under-test" }.ConnectionString);
        var store = new NpgsqlScalingHistoryStore(source, new PostgreSqlOptions { BaseRetryDelay = TimeSpan.FromMilliseconds(10) });

        // Three pooled connections, idle, as after a burst of decisions.
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => store.AppendAsync(Entry($"web-{i}", Noon.AddSeconds(i)))));
        Assert.True(await TerminateAsync(database) >= 1);

        Assert.True(await store.AppendAsync(Entry("web-4", Noon.AddSeconds(4))));
        Assert.False(await store.AppendAsync(Entry("web-4", Noon.AddSeconds(4))));
        await TerminateAsync(database);
        var page = await store.QueryAsync(new ScalingHistoryQuery("web", Noon.AddHours(-1), Noon.AddHours(1)));

        Assert.Equal(["web-4", "web-3", "web-2", "web-1"], page.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("hist");
        await using var source = NpgsqlDataSource.Create(database);
        var store = new NpgsqlScalingHistoryStore(source);

        // No schema: the table does not exist (42P01), which no retry can fix.
        var error = await Assert.ThrowsAsync<PostgresException>(() => store.AppendAsync(Entry("web-1", Noon)));

        Assert.False(error.IsTransient);
    }

    // Ends the store's server processes the way a restart does (57P01 on their next use), waiting (up to 10 s each) until
    // they are gone; returns how many were ended.
    private static async Task<int> TerminateAsync(string database)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM pg_stat_activity WHERE datname = @db AND application_name = 'history-under-test'", admin);
        command.Parameters.AddWithValue("db", new NpgsqlConnectionStringBuilder(database).Database!);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DecisionRecord Entry(string id, DateTimeOffset at) =>
        new(id, "web", at, DecisionKind.Decision, 2, 4, "policy:cpu", false, null, ["cpu above target"], "timer", 0, "pending");
}
