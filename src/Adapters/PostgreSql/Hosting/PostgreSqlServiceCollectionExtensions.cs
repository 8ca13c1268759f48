using Autoscaler.Adapters.PostgreSql.History;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Autoscaler.Adapters.PostgreSql.Hosting;

/// <summary>Registers the PostgreSQL adapter: options, schema migration at start-up, the scaling history store.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PostgreSqlOptions"/> (<c>ConnectionStrings:Autoscaler</c> and section <c>PostgreSql</c>),
    /// validates them at start-up, migrates (or verifies) the schema before any hosted service starts, and registers
    /// <see cref="IScalingHistoryStore"/> and <see cref="IAlarmHistoryStore"/> with their retention services.
    /// </summary>
    public static IServiceCollection AddAutoscalerPostgreSql(
        this IServiceCollection services, Action<PostgreSqlOptions>? configure = null)
    {
        services.AddOptions<PostgreSqlOptions>()
            .BindConfiguration(PostgreSqlOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString =
                    configuration.GetConnectionString(PostgreSqlOptions.ConnectionStringName) ?? options.ConnectionString)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
            NpgsqlDataSource.Create(provider.GetRequiredService<IOptions<PostgreSqlOptions>>().Value.ConnectionString));

        // First in the list as well as a lifecycle service: hosts without lifecycle ordering still start it first.
        if (!services.Any(d => d.ImplementationType == typeof(SchemaMigrationHostedService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationHostedService>());
        }

        services.TryAddSingleton(provider => new NpgsqlScalingHistoryStore(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<IOptions<PostgreSqlOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IScalingHistoryStore>(provider => provider.GetRequiredService<NpgsqlScalingHistoryStore>());
        services.AddHostedService<ScalingHistoryRetentionService>();

        services.TryAddSingleton(provider => new NpgsqlAlarmHistoryStore(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<IOptions<PostgreSqlOptions>>().Value.CommandTimeoutSeconds));
        services.TryAddSingleton<IAlarmHistoryStore>(provider => provider.GetRequiredService<NpgsqlAlarmHistoryStore>());
        services.AddHostedService<AlarmHistoryRetentionService>();
        return services;
    }
}
