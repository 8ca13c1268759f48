using Autoscaler.Adapters.PostgreSql;
using Autoscaler.Adapters.PostgreSql.GrainStorage;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Testing;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Autoscaler.Adapters.Tests.PostgreSql.GrainStorage;

/// <summary>A freshly migrated database and providers on it, with Orleans' JSON grain-state serializer.</summary>
internal sealed class GrainStorageFixture
{
    public const string StateName = "counter";

    private GrainStorageFixture(string database) => Database = database;

    /// <summary>The database's connection string.</summary>
    public string Database { get; }

    public static async Task<GrainStorageFixture> CreateAsync()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("grainstate");
        await new SchemaMigrator(database).MigrateAsync();
        return new GrainStorageFixture(database);
    }

    /// <summary>A provider on this database (or on <paramref name="connectionString"/>).</summary>
    public PostgreSqlGrainStorage Storage(int batchSize = 500, string serviceId = "svc", string? connectionString = null, IGrainStorage? legacy = null) => new(
        "test", serviceId, NpgsqlDataSource.Create(connectionString ?? Database), Serializer, new NewInstances(),
        new PostgreSqlOptions { GrainStorageBatchSize = batchSize, CommandTimeoutSeconds = 10 }, legacy);

    public static IGrainStorageSerializer Serializer { get; } =
        new JsonGrainStorageSerializer(new OrleansJsonSerializer(Options.Create(new OrleansJsonSerializerOptions())));

    public static GrainId Id(string key) => GrainId.Create("counter", key);

    public static GrainState<CounterState> State(int count = 0, string writer = "", string? etag = null) =>
        new(new CounterState { Count = count, Writer = writer }, etag!);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
