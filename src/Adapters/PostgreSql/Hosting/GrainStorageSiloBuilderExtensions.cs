using Autoscaler.Adapters.PostgreSql.GrainStorage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Autoscaler.Adapters.PostgreSql.Hosting;

/// <summary>Registers <see cref="PostgreSqlGrainStorage"/> as an Orleans grain storage provider.</summary>
public static class GrainStorageSiloBuilderExtensions
{
    /// <summary>The suffix of the name the previous provider (Orleans' ADO.NET) keeps for reading states written
    /// before the upgrade.</summary>
    public const string LegacySuffix = ".adonet";

    /// <summary>
    /// Adds the grain storage <paramref name="name"/> on PostgreSQL (table <c>autoscaler_grain_state</c>), with Orleans'
    /// ADO.NET provider registered as <paramref name="name"/> + <see cref="LegacySuffix"/> on the same database: states
    /// missing from the new table are read from its <c>OrleansStorage</c> table once and copied over, and its serializer
    /// (Orleans' configured grain storage serializer) is the one both use. Needs
    /// <see cref="PostgreSqlServiceCollectionExtensions.AddAutoscalerPostgreSql"/> (data source and options).
    /// </summary>
    public static ISiloBuilder AddAutoscalerGrainStorage(this ISiloBuilder silo, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var legacy = name + LegacySuffix;
        silo.AddAdoNetGrainStorage(legacy, o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        silo.Services.AddGrainStorage(name, (services, providerName) => new PostgreSqlGrainStorage(
            providerName,
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(legacy).GrainStorageSerializer,
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<IOptions<PostgreSqlOptions>>().Value,
            services.GetRequiredKeyedService<IGrainStorage>(legacy)));
        return silo;
    }
}
