using System.Net;
using Autoscaler.Adapters.PostgreSql.Hosting;
using Autoscaler.Grains;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Autoscaler.Silo.Hosting;

/// <summary>Wires Orleans into the web host: embedded (no configuration) or durable on PostgreSQL.</summary>
public static class OrleansHostingExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Which storage mode the configuration selects: durable as soon as a PostgreSQL connection string is set.</summary>
    public static StorageMode GetStorageMode(this IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("Autoscaler")) ? StorageMode.Embedded : StorageMode.Durable;

    /// <summary>Adds the Orleans silo with clustering, grain storage and reminders for the configured storage mode.</summary>
    public static WebApplicationBuilder AddAutoscalerOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloHostOptions>()
            .BindConfiguration(SiloHostOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IPAddress.TryParse(o.AdvertisedAddress, out _), "Silo:AdvertisedAddress must be an IP address.")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();
        var mode = builder.Configuration.GetStorageMode();
        var connectionString = builder.Configuration.GetConnectionString("Autoscaler");

        builder.UseOrleans(silo =>
        {
            // Served at /dashboard behind the API's authorization (Api/ApiHostingExtensions.cs).
            silo.AddDashboard();
            if (Monitoring.MonitoringHostingExtensions.OtlpEnabled(builder.Configuration))
            {
                silo.AddActivityPropagation(); // traces follow telemetry into the grains (Monitoring/)
            }

            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:ClusterMembership"));
            if (!string.IsNullOrWhiteSpace(options.Name))
            {
                silo.Configure<SiloOptions>(o => o.SiloName = options.Name);
            }

            if (mode == StorageMode.Durable)
            {
                var advertised = IPAddress.TryParse(options.AdvertisedAddress, out var ip) ? ip : IPAddress.Loopback;
                silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, options.ListenOnAnyHostAddress);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
                // Our provider: many grains' reads and writes per statement; states the ADO.NET provider wrote before
                // the upgrade are read from its table on a miss and copied over (docs/storage.md).
                silo.AddAutoscalerGrainStorage(GrainStorage.Default, connectionString!);
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.AddMemoryGrainStorage(GrainStorage.Default);
                silo.UseInMemoryReminderService();
            }
        });

        if (mode == StorageMode.Durable)
        {
            // Applies deploy/sql before Orleans starts; a failed migration stops the silo with the reason.
            builder.Services.AddAutoscalerPostgreSql();
        }

        builder.Services.AddAutoscalerGrains();
        builder.Services.AddSingleton(new StorageModeInfo(mode));
        builder.Services.AddHostedService<StorageModeAnnouncer>();
        return builder;
    }
}
