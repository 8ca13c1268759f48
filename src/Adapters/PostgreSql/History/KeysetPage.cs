using Npgsql;
using NpgsqlTypes;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>
/// One page of a history table, newest first, by keyset on <c>(at, id)</c>: the rows of one key (a target, an alarm) in
/// [from, to) after the cursor, one extra row read to tell whether a next page exists.
/// </summary>
internal static class KeysetPage
{
    /// <summary>
    /// Reads a page. <paramref name="select"/> is <c>SELECT … FROM table WHERE key = @key</c>; the time window, keyset,
    /// order and limit are appended here.
    /// </summary>
    public static async Task<(List<T> Entries, string? Next)> ReadAsync<T>(
        NpgsqlDataSource dataSource, int commandTimeoutSeconds, string select, string key, DateTimeOffset from, DateTimeOffset to, int limit,
        string? cursor, Func<NpgsqlDataReader, T> read, Func<T, (DateTimeOffset At, string Id)> position, CancellationToken cancellationToken)
    {
        var after = cursor is null ? null : HistoryCursor.Decode(cursor);
        await using var command = dataSource.CreateCommand(select + """

              AND at >= @from AND at < @to
              AND (NOT @paged OR (at, id) < (@after_at, @after_id))
            ORDER BY at DESC, id DESC
            LIMIT @take
            """);
        command.CommandTimeout = commandTimeoutSeconds;
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("paged", after is not null);
        command.Parameters.AddWithValue("after_at", NpgsqlDbType.TimestampTz, after?.At ?? DateTimeOffset.UnixEpoch);
        command.Parameters.AddWithValue("after_id", NpgsqlDbType.Varchar, after?.Id ?? "");
        command.Parameters.AddWithValue("take", limit + 1);

        var entries = new List<T>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(read(reader));
            }
        }

        if (entries.Count <= limit)
        {
            return (entries, null);
        }

        entries.RemoveAt(entries.Count - 1);
        var (at, id) = position(entries[^1]);
        return (entries, new HistoryCursor(at, id).Encode());
    }
}
