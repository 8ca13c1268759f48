using Npgsql;
using NpgsqlTypes;

namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>
/// The statements on <c>autoscaler_grain_state</c> (deploy/sql/0007): many reads in one <c>unnest</c> join, many writes
/// in one statement that updates the rows whose version still matches and creates the rows asked to be new, clear, and
/// the one-time copy of a state from the previous provider's <c>OrleansStorage</c> table.
/// </summary>
internal sealed class GrainStateRows(NpgsqlDataSource dataSource, string serviceId, int commandTimeoutSeconds)
{
    private const string ReadMany = """
        SELECT s.state_name, s.grain_id, s.payload, s.version
        FROM unnest(@states, @ids) AS i(state_name, grain_id)
        JOIN autoscaler_grain_state AS s
          ON s.service_id = @service AND s.state_name = i.state_name AND s.grain_id = i.grain_id
        """;

    // Both parts see the table as it was before the statement: an update needs the row to exist with the expected
    // version, a creation needs it absent (a concurrent creation makes ON CONFLICT skip it). A row missing from the result
    // lost its ETag check.
    private const string WriteMany = """
        WITH input AS (
            SELECT * FROM unnest(@states, @ids, @expected, @payloads) AS i(state_name, grain_id, expected, payload)
        ), updated AS (
            UPDATE autoscaler_grain_state AS s
            SET payload = i.payload, version = s.version + 1, modified_on = now()
            FROM input AS i
            WHERE i.expected IS NOT NULL AND s.service_id = @service AND s.state_name = i.state_name
              AND s.grain_id = i.grain_id AND s.version = i.expected
            RETURNING s.state_name, s.grain_id, s.version
        ), created AS (
            INSERT INTO autoscaler_grain_state (service_id, state_name, grain_id, payload, version)
            SELECT @service, i.state_name, i.grain_id, i.payload, 1 FROM input AS i WHERE i.expected IS NULL
            ON CONFLICT DO NOTHING
            RETURNING state_name, grain_id, version
        )
        SELECT state_name, grain_id, version FROM updated
        UNION ALL
        SELECT state_name, grain_id, version FROM created
        """;

    private const string Clear = """
        UPDATE autoscaler_grain_state SET payload = NULL, version = version + 1, modified_on = now()
        WHERE service_id = @service AND state_name = @state AND grain_id = @id AND version = @expected
        RETURNING version
        """;

    private const string Copy = """
        INSERT INTO autoscaler_grain_state (service_id, state_name, grain_id, payload, version)
        VALUES (@service, @state, @id, @payload, @expected)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string LegacyRows = """
        SELECT graintypestring, grainidextensionstring FROM orleansstorage WHERE serviceid = @service AND payloadbinary IS NOT NULL
        """;

    /// <summary>The stored rows of <paramref name="keys"/> (null where none), in their order.</summary>
    public async Task<IReadOnlyList<StoredState?>> ReadAsync(IReadOnlyList<GrainStateKey> keys, CancellationToken cancellationToken)
    {
        await using var command = Command(ReadMany);
        command.Parameters.Add(Texts("states", keys.Select(k => k.StateName)));
        command.Parameters.Add(Texts("ids", keys.Select(k => k.GrainId)));
        var found = new Dictionary<GrainStateKey, StoredState>(keys.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[new GrainStateKey(reader.GetString(0), reader.GetString(1))] =
                    new StoredState(reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2), reader.GetInt32(3));
            }
        }

        return [.. keys.Select(k => found.GetValueOrDefault(k))];
    }

    /// <summary>Writes <paramref name="writes"/> in one statement; each one's new version, or null where its ETag check
    /// failed.</summary>
    public async Task<IReadOnlyList<int?>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        await using var command = Command(WriteMany);
        command.Parameters.Add(Texts("states", writes.Select(w => w.Key.StateName)));
        command.Parameters.Add(Texts("ids", writes.Select(w => w.Key.GrainId)));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. writes.Select(w => w.Expected)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. writes.Select(w => w.Payload)] });
        var written = new Dictionary<GrainStateKey, int>(writes.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                written[new GrainStateKey(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
            }
        }

        return [.. writes.Select(w => written.TryGetValue(w.Key, out var version) ? version : (int?)null)];
    }

    /// <summary>Clears the state if its version is still <paramref name="expected"/>: the new version, or null.</summary>
    public async Task<int?> ClearAsync(GrainStateKey key, int expected, CancellationToken cancellationToken)
    {
        await using var command = Command(Clear);
        AddKey(command, key);
        command.Parameters.AddWithValue("expected", expected);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as int?;
    }

    /// <summary>Stores a state read from the previous provider with its version unless a row exists already; true when
    /// this call stored it.</summary>
    public async Task<bool> CopyAsync(GrainStateKey key, byte[] payload, int version, CancellationToken cancellationToken)
    {
        await using var command = Command(Copy);
        AddKey(command, key);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("expected", version);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int;
    }

    /// <summary>The states of this service the previous provider's table holds.</summary>
    public async Task<LegacyIndex> ReadLegacyIndexAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(LegacyRows);
        var keys = new HashSet<(string State, string Key)>();
        var any = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            any = true;
            if (!reader.IsDBNull(1))
            {
                keys.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return any ? new LegacyIndex(keys, true) : LegacyIndex.Empty;
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = commandTimeoutSeconds;
        command.Parameters.AddWithValue("service", serviceId);
        return command;
    }

    private static void AddKey(NpgsqlCommand command, GrainStateKey key)
    {
        command.Parameters.AddWithValue("state", key.StateName);
        command.Parameters.AddWithValue("id", key.GrainId);
    }

    private static NpgsqlParameter<string[]> Texts(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };
}
