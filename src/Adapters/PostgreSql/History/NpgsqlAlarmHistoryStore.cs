using Autoscaler.Ports.Alarms;
using Npgsql;
using NpgsqlTypes;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>
/// <see cref="IAlarmHistoryStore"/> on the <c>alarm_history</c> table of schema version 6: idempotent by id, keyset
/// paging on (at, id) newest first with the same opaque cursor as the scaling history, retention by deleting old rows.
/// </summary>
public sealed class NpgsqlAlarmHistoryStore(NpgsqlDataSource dataSource, int commandTimeoutSeconds = 30) : IAlarmHistoryStore
{
    private const int MaxLimit = 1000;

    /// <inheritdoc />
    public async Task<bool> AppendAsync(AlarmRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO alarm_history (id, alarm, target, at, kind, severity, from_state, to_state, reason, action, outcome)
            VALUES (@id, @alarm, @target, @at, @kind, @severity, @from_state, @to_state, @reason, @action, @outcome)
            ON CONFLICT (id) DO NOTHING
            """);
        command.CommandTimeout = commandTimeoutSeconds;
        command.Parameters.AddWithValue("id", record.Id);
        command.Parameters.AddWithValue("alarm", record.Alarm);
        command.Parameters.AddWithValue("target", NpgsqlDbType.Varchar, (object?)record.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("at", record.At.ToUniversalTime());
        command.Parameters.AddWithValue("kind", record.Kind == AlarmRecordKind.State ? "state" : "action");
        command.Parameters.AddWithValue("severity", record.Severity);
        command.Parameters.AddWithValue("from_state", record.From);
        command.Parameters.AddWithValue("to_state", record.To);
        command.Parameters.AddWithValue("reason", record.Reason);
        command.Parameters.AddWithValue("action", NpgsqlDbType.Text, (object?)record.Action ?? DBNull.Value);
        command.Parameters.AddWithValue("outcome", NpgsqlDbType.Text, (object?)record.Outcome ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<AlarmHistoryPage> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxLimit, nameof(query));
        var (entries, next) = await KeysetPage.ReadAsync(
            dataSource, commandTimeoutSeconds, """
            SELECT id, alarm, target, at, kind, severity, from_state, to_state, reason, action, outcome
            FROM alarm_history
            WHERE alarm = @key
            """, query.Alarm, query.From, query.To, query.Limit, query.Cursor, Read, r => (r.At, r.Id), cancellationToken);
        return new AlarmHistoryPage(entries, next);
    }

    private static AlarmRecord Read(NpgsqlDataReader reader) =>
        new(
            reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetString(4) == "state" ? AlarmRecordKind.State : AlarmRecordKind.Action, reader.GetString(5), reader.GetString(6),
            reader.GetString(7), reader.GetString(8))
        {
            Action = reader.IsDBNull(9) ? null : reader.GetString(9),
            Outcome = reader.IsDBNull(10) ? null : reader.GetString(10),
        };

    /// <inheritdoc />
    public async Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM alarm_history WHERE at < @cutoff");
        command.CommandTimeout = commandTimeoutSeconds;
        command.Parameters.AddWithValue("cutoff", olderThan.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
