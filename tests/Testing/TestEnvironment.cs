using Npgsql;

namespace Autoscaler.Testing;

/// <summary>
/// The real servers the test script (test.sh, through deploy/local/servers.sh) started for this run. Tests never fall
/// back to fakes: without the servers they fail with a message that says how to run them.
/// </summary>
public static class TestEnvironment
{
    private const string HowToRun = "run the suite with ./test.sh, which starts PostgreSQL and nats-server";

    /// <summary>Connection string to the server's maintenance database (superuser).</summary>
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("AUTOSCALER_TEST_POSTGRES")
        ?? throw new InvalidOperationException($"AUTOSCALER_TEST_POSTGRES is not set: {HowToRun}.");

    /// <summary>URL of the shared nats-server (no authentication).</summary>
    public static string NatsUrl =>
        Environment.GetEnvironmentVariable("AUTOSCALER_TEST_NATS_URL")
        ?? throw new InvalidOperationException($"AUTOSCALER_TEST_NATS_URL is not set: {HowToRun}.");

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(PostgresAdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }
}
