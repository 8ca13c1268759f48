using System.Globalization;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>
/// Orleans grain storage on PostgreSQL that group-commits across grains: concurrent reads become one
/// <c>WHERE key IN unnest(...)</c> query and concurrent writes one multi-row statement (<see cref="StatementBatcher{TKey,TRequest,TResult}"/>),
/// so registering thousands of targets costs a few statements per batch instead of one round trip per grain state. The
/// ETag is the row's version with the semantics of Orleans' ADO.NET provider: a write names the version it read (none
/// for a new state) and fails with <see cref="InconsistentStateException"/>, for that caller only, when the stored
/// version differs; clear keeps the row with no payload and a new version. States written by the previous provider are
/// read through <c>legacy</c> on a miss and copied in with their version.
/// </summary>
public sealed class PostgreSqlGrainStorage : IGrainStorage
{
    private readonly string _name;
    private readonly GrainStateRows _rows;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly IGrainStorage? _legacy;
    private readonly StatementBatcher<GrainStateKey, GrainStateKey, StoredState?> _reads;
    private readonly StatementBatcher<GrainStateKey, StateWrite, int?> _writes;
    private Task<LegacyIndex>? _legacyIndex;
    private long _legacyReads;

    /// <summary>Creates the provider <paramref name="name"/> for the service <paramref name="serviceId"/>.</summary>
    /// <param name="name">The provider's name (in error messages).</param>
    /// <param name="serviceId">Orleans' service id: states of other services in the same table are never seen.</param>
    /// <param name="dataSource">The database.</param>
    /// <param name="serializer">The state serializer (the same the ADO.NET provider used, so copied states read alike).</param>
    /// <param name="activators">Creates an empty state for a grain with none stored.</param>
    /// <param name="options">Statement timeout and batch size.</param>
    /// <param name="legacy">The previous provider, read when a state is missing here (null: no fallback).</param>
    public PostgreSqlGrainStorage(
        string name, string serviceId, NpgsqlDataSource dataSource, IGrainStorageSerializer serializer,
        IActivatorProvider activators, PostgreSqlOptions options, IGrainStorage? legacy)
    {
        ArgumentNullException.ThrowIfNull(options);
        _name = name;
        _rows = new GrainStateRows(dataSource, serviceId, options.CommandTimeoutSeconds);
        _serializer = serializer;
        _activators = activators;
        _legacy = legacy;
        _reads = new(k => k, _rows.ReadAsync, options.GrainStorageBatchSize);
        _writes = new(w => w.Key, _rows.WriteAsync, options.GrainStorageBatchSize);
    }

    /// <summary>Read statements run so far.</summary>
    public long ReadStatements => _reads.Statements;

    /// <summary>Write statements run so far.</summary>
    public long WriteStatements => _writes.Statements;

    /// <summary>States looked up in the previous provider's table so far.</summary>
    public long LegacyReads => Interlocked.Read(ref _legacyReads);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var stored = await _reads.SubmitAsync(key).ConfigureAwait(false);
        if (stored is null && _legacy is not null && (await LegacyIndexAsync().ConfigureAwait(false)).MayHold(stateName, grainId))
        {
            await ReadLegacyAsync(key, stateName, grainId, grainState).ConfigureAwait(false);
            return;
        }

        Apply(stored, grainState);
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var expected = Version(grainState.ETag);
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var version = await _writes.SubmitAsync(new StateWrite(key, expected, payload)).ConfigureAwait(false)
            ?? throw Conflict("WriteState", key, grainState.ETag);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists)
        {
            await ReadStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var key = Key(stateName, grainId);
        var version = (Version(grainState.ETag) is { } expected ? await _rows.ClearAsync(key, expected, CancellationToken.None).ConfigureAwait(false) : null)
            ?? throw Conflict("ClearState", key, grainState.ETag);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    private void Apply<T>(StoredState? stored, IGrainState<T> grainState)
    {
        grainState.State = stored?.Payload is { } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : _activators.GetActivator<T>().Create();
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = stored is not null;
    }

    /// <summary>A state missing here: read it from the previous provider and, if it has one, copy it in with its version
    /// so the next write's ETag check runs against this table. If another activation copied it first, read that copy.</summary>
    private async Task ReadLegacyAsync<T>(GrainStateKey key, string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _legacyReads);
        await _legacy!.ReadStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
        if (!grainState.RecordExists || Version(grainState.ETag) is not { } version)
        {
            Apply(null, grainState);
            return;
        }

        var payload = _serializer.Serialize(grainState.State).ToArray();
        if (!await _rows.CopyAsync(key, payload, version, CancellationToken.None).ConfigureAwait(false))
        {
            Apply(await _reads.SubmitAsync(key).ConfigureAwait(false), grainState);
        }
    }

    private Task<LegacyIndex> LegacyIndexAsync()
    {
        // Read once per provider (the old table is no longer written); a failed read is retried by the next miss.
        var known = _legacyIndex;
        if (known is null || known.IsFaulted || known.IsCanceled)
        {
            _legacyIndex = known = _rows.ReadLegacyIndexAsync(CancellationToken.None);
        }

        return known;
    }

    private static GrainStateKey Key(string stateName, GrainId grainId) => new(stateName, grainId.ToString());

    private static int? Version(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, GrainStateKey key, string? etag) =>
        new($"Version conflict ({operation}): ProviderName={_name} StateName={key.StateName} GrainId={key.GrainId} ETag={etag}.");
}
