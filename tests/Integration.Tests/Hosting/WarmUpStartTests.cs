using Autoscaler.Testing;
using Npgsql;

namespace Autoscaler.Integration.Tests.Hosting;

/// <summary>
/// The warm-ups at start on a real silo process on a fresh PostgreSQL database: the decision path's throwaway target
/// leaves no grain state row, no history row and no supervisor row behind, and the silo says it warmed.
/// </summary>
public sealed class WarmUpStartTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_decision_path_warm_up_writes_no_row_for_its_throwaway_target()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("warmup");
        await using var silo = SiloProcess.Start("warm-up", new Dictionary<string, string>
        {
            ["ConnectionStrings__Autoscaler"] = database,
            ["Logging__LogLevel__Autoscaler.Grains.Services.Decisions.WarmUp"] = "Information",
        });
        await silo.WaitUntilReadyAsync(Ready);

        Assert.Contains("Decision path warm-up done", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(database,
            "SELECT count(*) FROM orleansstorage WHERE grainidextensionstring LIKE '%warm-up%' OR convert_from(payloadbinary, 'UTF8') LIKE '%warm-up%'"));
        Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM scaling_history"));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
