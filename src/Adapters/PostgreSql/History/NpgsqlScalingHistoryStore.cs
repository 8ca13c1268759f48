using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Autoscaler.Adapters.Resilience;
using Autoscaler.Ports.History;
using Polly;
using Npgsql;
using NpgsqlTypes;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>
/// <see cref="IScalingHistoryStore"/> on the <c>scaling_history</c> table of schema version 5: monthly partitions
/// (UTC) created on first write to a month, ids claimed in <c>scaling_history_id</c> so a repeated append is a no-op,
/// keyset paging on (at, id) newest first, retention by dropping whole months. Appends and queries that fail
/// transiently (<see cref="TransientPostgres"/>: a restarted server closing pooled connections) are retried with the
/// options' backoff; a lost connection also clears the pool, so the retry opens a fresh one instead of the next dead one.
/// An append retried after an unknown outcome is still stored once (the id is claimed).
/// </summary>
public sealed class NpgsqlScalingHistoryStore : IScalingHistoryStore
{
    private const string NoPartitionForRow = "23514";
    private const int MaxLimit = 1000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _commandTimeoutSeconds;
    private readonly ResiliencePipeline<Attempt> _retry;

    /// <summary>A store on <paramref name="dataSource"/>; <paramref name="options"/> gives the statement timeout and retries.</summary>
    public NpgsqlScalingHistoryStore(NpgsqlDataSource dataSource, PostgreSqlOptions? options = null, TimeProvider? clock = null)
    {
        options ??= new PostgreSqlOptions();
        _dataSource = dataSource;
        _commandTimeoutSeconds = options.CommandTimeoutSeconds;
        _retry = RetryPipeline.Create<Attempt>(options, clock ?? TimeProvider.System, attempt => attempt.Failure is not null);
    }

    // Months whose partition this process has seen exist; saves a round trip per append.
    private readonly ConcurrentDictionary<DateOnly, bool> _knownMonths = new();

    /// <inheritdoc />
    public async Task<bool> AppendAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (bool)(await RetryAsync(async token => await AppendOnceAsync(record, token), cancellationToken))!;
    }

    private async Task<bool> AppendOnceAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        var at = record.At.ToUniversalTime();
        await EnsureMonthAsync(at, cancellationToken);
        try
        {
            return await InsertAsync(record, at, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == NoPartitionForRow)
        {
            // A purge dropped the month after this process cached it: create it again and retry once.
            _knownMonths.TryRemove(MonthOf(at), out _);
            await EnsureMonthAsync(at, cancellationToken);
            return await InsertAsync(record, at, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default) =>
        (ScalingHistoryPage)(await RetryAsync(async token => await QueryOnceAsync(query, token), cancellationToken))!;

    // Runs the call until it succeeds, fails for good, or the attempts are used up; the last failure is rethrown as it was.
    private async Task<object?> RetryAsync(Func<CancellationToken, Task<object?>> call, CancellationToken cancellationToken)
    {
        var attempt = await _retry.ExecuteAsync(
            static async (state, token) =>
            {
                try
                {
                    return new Attempt(await state.Call(token), null);
                }
                catch (Exception error) when (TransientPostgres.IsTransient(error))
                {
                    if (TransientPostgres.IsConnectionLost(error))
                    {
                        state.Source.Clear();
                    }

                    return new Attempt(null, error);
                }
            },
            (Call: call, Source: _dataSource),
            cancellationToken);
        if (attempt.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return attempt.Value;
    }

    private async Task<ScalingHistoryPage> QueryOnceAsync(ScalingHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxLimit, nameof(query));
        var (entries, next) = await KeysetPage.ReadAsync(
            _dataSource, _commandTimeoutSeconds, """
            SELECT id, target, at, kind, from_capacity, to_capacity, trigger, actor, explanation, outcome, duration_ms, dry_run
            FROM scaling_history
            WHERE target = @key
            """, query.Target, query.From, query.To, query.Limit, query.Cursor, Read, e => (e.At, e.EntryId), cancellationToken);
        return new ScalingHistoryPage(entries, next);
    }

    /// <inheritdoc />
    public async Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT scaling_history_purge(@cutoff)");
        command.CommandTimeout = _commandTimeoutSeconds;
        command.Parameters.AddWithValue("cutoff", olderThan.ToUniversalTime());
        var removed = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        _knownMonths.Clear();
        return removed;
    }

    /// <summary>Creates the partitions of the month of <paramref name="from"/> and the <paramref name="monthsAhead"/>
    /// months after it, so that writes at a month boundary never wait on DDL.</summary>
    public async Task EnsurePartitionsAsync(DateTimeOffset from, int monthsAhead, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthsAhead);
        var month = MonthOf(from.ToUniversalTime());
        for (var i = 0; i <= monthsAhead; i++)
        {
            var start = month.AddMonths(i);
            await EnsureMonthAsync(new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero), cancellationToken);
        }
    }

    private async Task EnsureMonthAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var month = MonthOf(at);
        if (_knownMonths.ContainsKey(month))
        {
            return;
        }

        await using var command = _dataSource.CreateCommand("SELECT scaling_history_ensure_partition(@at)");
        command.CommandTimeout = _commandTimeoutSeconds;
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteScalarAsync(cancellationToken);
        _knownMonths[month] = true;
    }

    private async Task<bool> InsertAsync(DecisionRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            WITH claimed AS (
                INSERT INTO scaling_history_id (id, at) VALUES (@id, @at)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            )
            INSERT INTO scaling_history
                (id, target, at, kind, from_capacity, to_capacity, trigger, actor, explanation, outcome, duration_ms, dry_run)
            SELECT id, @target, @at, @kind, @from_capacity, @to_capacity, @trigger, @actor, @explanation, @outcome,
                   @duration_ms, @dry_run
            FROM claimed
            """);
        command.CommandTimeout = _commandTimeoutSeconds;
        command.Parameters.AddWithValue("id", record.EntryId);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("target", record.Target);
        command.Parameters.AddWithValue("kind", DecisionKinds.Name(record.Kind));
        command.Parameters.AddWithValue("from_capacity", record.From);
        command.Parameters.AddWithValue("to_capacity", record.To);
        command.Parameters.AddWithValue("trigger", record.Trigger);
        command.Parameters.AddWithValue("actor", record.Actor);
        command.Parameters.AddWithValue("explanation", record.Explanation.ToArray());
        command.Parameters.AddWithValue("outcome", NpgsqlDbType.Text, (object?)record.Outcome ?? DBNull.Value);
        command.Parameters.AddWithValue("duration_ms", NpgsqlDbType.Bigint, (long)record.DurationMs);
        command.Parameters.AddWithValue("dry_run", record.DryRun);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static DecisionRecord Read(NpgsqlDataReader reader)
    {
        var kind = DecisionKinds.Parse(reader.GetString(3));
        return new DecisionRecord(
            Id: DecisionRecord.DecisionIdOf(reader.GetString(0), kind),
            Target: reader.GetString(1),
            At: reader.GetFieldValue<DateTimeOffset>(2),
            Kind: kind,
            From: reader.GetInt32(4),
            To: reader.GetInt32(5),
            Actor: reader.GetString(7),
            DryRun: reader.GetBoolean(11),
            LimitedBy: null,
            Explanation: reader.GetFieldValue<string[]>(8),
            Trigger: reader.GetString(6),
            DurationMs: reader.IsDBNull(10) ? 0 : reader.GetInt64(10),
            Outcome: reader.IsDBNull(9) ? null : reader.GetString(9));
    }

    private static DateOnly MonthOf(DateTimeOffset utc) => new(utc.Year, utc.Month, 1);
}
