using Npgsql;

namespace Autoscaler.Registration.Benchmarks;

/// <summary>
/// The benchmark database's own counters (<c>pg_stat_database</c>): committed transactions (every statement outside an
/// explicit transaction is one, so this counts storage round trips that wrote or read), rows fetched, inserted and
/// updated. Read before and after a scenario, the difference divided by the targets is the cost of one target.
/// </summary>
internal sealed record DatabaseCounters(long Transactions, long Fetched, long Inserted, long Updated)
{
    /// <summary>Reads the counters of the database <paramref name="connectionString"/> names. A backend reports its
    /// statistics at the end of a transaction at most once a second, and an idle one within 10 s: the reading waits 11 s
    /// first so the silo's pooled connections have reported everything they did.</summary>
    public static async Task<DatabaseCounters> ReadAsync(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(11));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_stat_clear_snapshot();
            SELECT xact_commit, tup_fetched, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = current_database();
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Per target, from <paramref name="before"/> to this reading, as "transactions 7.1, inserted 3.0, ...".</summary>
    public string PerTarget(DatabaseCounters before, int targets) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"per target: {(Transactions - before.Transactions) / (double)targets:0.0} transactions, {(Inserted - before.Inserted) / (double)targets:0.0} rows inserted, {(Updated - before.Updated) / (double)targets:0.0} updated");
}
