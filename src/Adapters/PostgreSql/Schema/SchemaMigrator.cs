using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>
/// Brings a database to this build's schema: applies the pending scripts in version order, one transaction each, and
/// records them in <c>schema_version</c>. Every step holds a transaction-scoped advisory lock, so silos starting together
/// apply each script exactly once; running it again on an up-to-date database changes nothing.
/// </summary>
public sealed class SchemaMigrator
{
    // Any constant works as long as every build uses the same one; this spells "autoscal" in ASCII.
    private const long AdvisoryLockKey = 0x6175746f7363616c;

    private readonly string _connectionString;
    private readonly PostgreSqlEndpoint _endpoint;
    private readonly int _commandTimeoutSeconds;
    private readonly IReadOnlyList<SchemaScript> _scripts;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator for the scripts embedded in this build (or the given ones, for tests).</summary>
    /// <exception cref="SchemaMigrationException">The connection string cannot be parsed.</exception>
    public SchemaMigrator(
        string connectionString,
        int commandTimeoutSeconds = 30,
        IReadOnlyList<SchemaScript>? scripts = null,
        ILogger<SchemaMigrator>? logger = null)
    {
        _endpoint = PostgreSqlEndpoint.Parse(connectionString);
        _connectionString = connectionString;
        _commandTimeoutSeconds = commandTimeoutSeconds;
        _scripts = scripts ?? SchemaScripts.All;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The newest schema version this migrator knows.</summary>
    public int LatestVersion => _scripts.Count == 0 ? 0 : _scripts.Max(s => s.Version);

    /// <summary>Applies every pending script.</summary>
    /// <exception cref="SchemaMigrationException">Unreachable server, a newer database, a changed script or a failed
    /// script; the message is one line without the password.</exception>
    public async Task<SchemaMigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = new List<SchemaScript>();
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
                await ExecuteAsync(connection, CreateVersionTable, cancellationToken);
                var done = await ReadAppliedAsync(connection, cancellationToken);
                Check(done);
                var next = _scripts.OrderBy(s => s.Version).FirstOrDefault(s => !done.ContainsKey(s.Version));
                if (next is null)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return new SchemaMigrationResult(applied, done.Count == 0 ? 0 : done.Keys.Max());
                }

                await ApplyAsync(connection, next, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied.Add(next);
                _logger.LogInformation("Applied schema script {Version:D4}_{Name} to {Endpoint}", next.Version, next.Name, _endpoint);
            }
        }
        catch (NpgsqlException exception) when (exception is not PostgresException)
        {
            throw Lost(exception);
        }
    }

    /// <summary>Checks without changing anything that the database has exactly this build's scripts applied.</summary>
    /// <returns>The database's schema version.</returns>
    /// <exception cref="SchemaMigrationException">As <see cref="MigrateAsync"/>, or <see cref="SchemaMigrationFailure.SchemaBehind"/>.</exception>
    public async Task<int> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            var exists = await ScalarAsync<bool>(connection, "SELECT to_regclass('schema_version') IS NOT NULL", cancellationToken);
            var done = exists ? await ReadAppliedAsync(connection, cancellationToken) : new Dictionary<int, string>();
            Check(done);
            var missing = _scripts.Where(s => !done.ContainsKey(s.Version)).Select(s => s.Version).ToList();
            if (missing.Count > 0)
            {
                throw new SchemaMigrationException(
                    SchemaMigrationFailure.SchemaBehind,
                    $"database {_endpoint} lacks schema version(s) {string.Join(", ", missing)}: run `autoscaler migrate` " +
                    "or set PostgreSql:ApplySchemaOnStart=true");
            }

            return done.Keys.Max();
        }
        catch (NpgsqlException exception) when (exception is not PostgresException)
        {
            throw Lost(exception);
        }
    }

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private void Check(IReadOnlyDictionary<int, string> done)
    {
        if (done.Count > 0 && done.Keys.Max() > LatestVersion)
        {
            throw new SchemaMigrationException(
                SchemaMigrationFailure.SchemaTooNew,
                $"database schema version {done.Keys.Max()} is newer than this build knows ({LatestVersion}): upgrade the silo");
        }

        foreach (var script in _scripts)
        {
            if (done.TryGetValue(script.Version, out var checksum) && checksum != script.Checksum)
            {
                // An applied script was edited afterwards: the database does not hold what this build's script says.
                throw new SchemaMigrationException(
                    SchemaMigrationFailure.ChecksumMismatch,
                    $"schema script {script.Version:D4}_{script.Name} differs from the one applied to {_endpoint} " +
                    "(checksum mismatch): add a new script instead of editing an applied one");
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, script.Sql, cancellationToken);
        }
        catch (PostgresException exception)
        {
            throw new SchemaMigrationException(
                SchemaMigrationFailure.ScriptFailed,
                $"schema script {script.Version:D4}_{script.Name} failed on {_endpoint}: {exception.SqlState} {exception.MessageText}",
                exception);
        }

        await ExecuteAsync(
            connection,
            "INSERT INTO schema_version (version, name, checksum) VALUES (@version, @name, @checksum)",
            cancellationToken,
            ("version", script.Version),
            ("name", script.Name),
            ("checksum", script.Checksum));
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException exception)
        {
            await connection.DisposeAsync();
            throw new SchemaMigrationException(
                SchemaMigrationFailure.Rejected,
                $"PostgreSQL at {_endpoint.Host}:{_endpoint.Port} refused database '{_endpoint.Database}' for user " +
                $"'{_endpoint.User}': {exception.SqlState} {exception.MessageText}",
                exception);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new SchemaMigrationException(
                SchemaMigrationFailure.Unreachable,
                $"cannot reach PostgreSQL at {_endpoint.Host}:{_endpoint.Port} (database '{_endpoint.Database}'): " +
                Innermost(exception).Message,
                exception);
        }
    }

    private SchemaMigrationException Lost(NpgsqlException exception) => new(
        SchemaMigrationFailure.Unreachable,
        $"lost the connection to PostgreSQL at {_endpoint.Host}:{_endpoint.Port} during migration: {Innermost(exception).Message}",
        exception);

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeoutSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeoutSeconds };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
