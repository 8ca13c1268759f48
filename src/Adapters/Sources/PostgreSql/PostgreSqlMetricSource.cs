using System.Globalization;
using Autoscaler.Ports.Sources;
using Npgsql;

namespace Autoscaler.Adapters.Sources.PostgreSql;

/// <summary>
/// A custom SQL metric: runs the configured query inside a <c>READ ONLY</c> transaction with a <c>statement_timeout</c>,
/// so a query that writes is refused by the server and a slow one is cancelled by it; the query is sent as one statement
/// (no semicolon splitting). Give the configured role read-only grants as well: this is a guard, not a sandbox. Rows are <c>(value)</c> for an
/// aggregate or <c>(source text, value)</c> per instance; NULL and non-finite values are skipped.
/// </summary>
public sealed class PostgreSqlMetricSource : IMetricSource, IAsyncDisposable
{
    /// <summary>More rows than this is a misconfigured query, not a metric.</summary>
    public const int MaxRows = 10_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _query;
    private readonly string _metric;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the source over its own connection pool.</summary>
    public PostgreSqlMetricSource(string connectionString, string query, string metric, TimeSpan timeout)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _query = query;
        _metric = metric;
        _timeout = timeout;
    }

    /// <inheritdoc />
    public async Task<MetricSourceResult> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var milliseconds = ((long)Math.Ceiling(_timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            await using (var setup = new NpgsqlCommand(
                $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {milliseconds}", connection, transaction))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            // A batch of one command is sent as one extended-protocol statement, never split on semicolons, so the
            // server refuses "COMMIT; DELETE ..." instead of running the DELETE outside the read-only transaction.
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { new NpgsqlBatchCommand(_query) },

                // The server's statement_timeout cancels first; this only guards against a server that does not answer.
                Timeout = (int)Math.Ceiling(_timeout.TotalSeconds) + 5,
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await ReadRowsAsync(reader, cancellationToken);
        }
        catch (PostgresException ex)
        {
            var reason = ex.SqlState switch
            {
                PostgresErrorCodes.ReadOnlySqlTransaction => "the query tried to write; sources run read-only",
                PostgresErrorCodes.QueryCanceled => $"the query exceeded the statement timeout of {_timeout}",
                _ => "the query failed",
            };
            return MetricSourceResult.Failed($"{reason} ({ex.SqlState}: {ex.MessageText})");
        }
        catch (NpgsqlException ex)
        {
            return MetricSourceResult.Failed($"postgresql unreachable: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<MetricSourceResult> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (reader.FieldCount is not (1 or 2))
        {
            return MetricSourceResult.Failed(
                $"the query returned {reader.FieldCount} columns; expected (value) or (source, value)");
        }

        var valueColumn = reader.FieldCount - 1;
        var readings = new List<SourceReading>();
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (++rows > MaxRows)
            {
                return MetricSourceResult.Failed($"the query returned more than {MaxRows} rows");
            }

            if (reader.IsDBNull(valueColumn))
            {
                continue;
            }

            if (!TryNumber(reader.GetValue(valueColumn), out var value))
            {
                return MetricSourceResult.Failed(
                    $"the value column is {reader.GetDataTypeName(valueColumn)}; expected a number");
            }

            var instance = valueColumn == 1 && !reader.IsDBNull(0) ? Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) : null;
            if (double.IsFinite(value))
            {
                readings.Add(new SourceReading(_metric, value, instance));
            }
        }

        return readings.Count > 0
            ? MetricSourceResult.Ok(readings)
            : MetricSourceResult.Empty(rows == 0 ? "the query returned no rows" : "every value was NULL or non-finite");
    }

    private static bool TryNumber(object value, out double number)
    {
        switch (value)
        {
            case double or float or decimal or long or int or short:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default:
                number = 0;
                return false;
        }
    }
}
