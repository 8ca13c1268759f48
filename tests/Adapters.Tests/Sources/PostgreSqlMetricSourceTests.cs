using Autoscaler.Adapters.Sources.PostgreSql;
using Autoscaler.Ports.Sources;
using Autoscaler.Testing;
using Npgsql;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>The custom SQL source against the real PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgreSqlMetricSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Rows_of_source_and_value_give_one_reading_per_instance()
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(
            database, "SELECT worker, count(*) FROM jobs WHERE state = 'queued' GROUP BY worker ORDER BY worker", "queued", Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Ok, result.Kind);
        Assert.Equal([new SourceReading("queued", 2, "worker-a"), new SourceReading("queued", 1, "worker-b")], result.Readings);
    }

    [Fact]
    public async Task A_single_value_column_gives_an_aggregate_reading()
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(database, "SELECT avg(wait_seconds) FROM jobs", "wait", Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(new SourceReading("wait", 2.5), Assert.Single(result.Readings));
    }

    [Fact]
    public async Task No_rows_or_only_nulls_is_empty()
    {
        var database = await JobsDatabaseAsync();
        await using var noRows = new PostgreSqlMetricSource(database, "SELECT worker, 1 FROM jobs WHERE false", "m", Timeout);
        await using var nulls = new PostgreSqlMetricSource(database, "SELECT avg(wait_seconds) FROM jobs WHERE false", "m", Timeout);

        var none = await noRows.ReadAsync(CancellationToken.None);
        var onlyNull = await nulls.ReadAsync(CancellationToken.None);

        Assert.Equal((MetricSourceResultKind.Empty, "the query returned no rows"), (none.Kind, none.Message));
        Assert.Equal((MetricSourceResultKind.Empty, "every value was NULL or non-finite"), (onlyNull.Kind, onlyNull.Message));
    }

    [Theory]
    [InlineData("UPDATE jobs SET state = 'done' RETURNING worker, wait_seconds")]
    [InlineData("WITH gone AS (DELETE FROM jobs RETURNING wait_seconds) SELECT count(*) FROM gone")]
    [InlineData("SELECT nextval('jobs_id_seq')")]
    public async Task A_query_that_writes_is_refused_by_the_read_only_transaction(string sql)
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(database, sql, "m", Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith("the query tried to write; sources run read-only (25006:", result.Message);
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM jobs WHERE state = 'done'"));
        Assert.Equal(4L, await ScalarAsync(database, "SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task A_second_statement_cannot_escape_the_transaction()
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(database, "COMMIT; DELETE FROM jobs; SELECT 1", "m", Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.Contains("cannot insert multiple commands into a prepared statement", result.Message);
        Assert.Equal(4L, await ScalarAsync(database, "SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task A_slow_query_is_cancelled_by_the_statement_timeout()
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(
            database, "SELECT 1.0 FROM pg_sleep(30)", "m", TimeSpan.FromMilliseconds(300));

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith("the query exceeded the statement timeout of 00:00:00.3000000 (57014:", result.Message);
    }

    [Theory]
    [InlineData("SELECT worker FROM jobs", "the value column is text; expected a number")]
    [InlineData("SELECT worker, state, 1 FROM jobs", "the query returned 3 columns; expected (value) or (source, value)")]
    public async Task A_result_of_the_wrong_shape_fails_with_the_reason(string sql, string message)
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(database, sql, "m", Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal((MetricSourceResultKind.Failed, message), (result.Kind, result.Message));
    }

    [Fact]
    public async Task Integer_numeric_and_real_columns_are_read_as_doubles_and_NaN_is_skipped()
    {
        var database = await JobsDatabaseAsync();
        await using var source = new PostgreSqlMetricSource(
            database,
            "SELECT * FROM (VALUES ('i', 3::bigint::float8), ('n', 1.25::numeric::float8), ('nan', 'NaN'::float8)) v(s, x)",
            "m",
            Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal([new SourceReading("m", 3, "i"), new SourceReading("m", 1.25, "n")], result.Readings);
    }

    [Fact]
    public async Task An_unreachable_server_fails_without_throwing()
    {
        var closed = Actuators.Support.ClosedPort.Url();
        await using var source = new PostgreSqlMetricSource(
            $"Host=127.0.0.1;Port={closed.Port};Username=postgres;Timeout=5", "SELECT 1", "m", Timeout);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith("postgresql unreachable:", result.Message);
    }

    private static async Task<string> JobsDatabaseAsync()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("src");
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE jobs (id bigserial PRIMARY KEY, worker text NOT NULL, state text NOT NULL, wait_seconds double precision);
            INSERT INTO jobs (worker, state, wait_seconds) VALUES
              ('worker-a', 'queued', 1), ('worker-a', 'queued', 2), ('worker-b', 'queued', 3), ('worker-b', 'running', 4);
            """,
            connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
