using System.Diagnostics.Metrics;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Adapters.Nats.Telemetry.JetStream;
using Autoscaler.Ingestion.Hosting;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Nats.Hosting;

/// <summary>Registers the NATS telemetry transport (section <c>Telemetry</c>) and the NATS scaling-event sink.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the shared pipeline (<see cref="TelemetryIngestionServiceCollectionExtensions.AddAutoscalerTelemetryIngestion"/>,
    /// if not added yet), <see cref="NatsTelemetryOptions"/> and <see cref="JetStreamTelemetryOptions"/> (validated at
    /// start-up), the NATS ingestion hosted services feeding the pipeline's dispatcher (the core one or the JetStream one
    /// runs, by <c>Telemetry:Mode</c>), its <see cref="NatsTelemetryCounters"/>, and reports it to the
    /// <c>telemetry-ingestion</c> health check. The caller registers the <see cref="Ports.Telemetry.ITelemetrySink"/> (and
    /// optionally an <see cref="Ports.Telemetry.ITelemetryTargetCatalog"/>); call
    /// <see cref="NatsServiceCollectionExtensions.AddAutoscalerNats"/> first.
    /// </summary>
    public static IServiceCollection AddAutoscalerNatsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAutoscalerTelemetryIngestion(configuration);
        services.AddOptions<NatsTelemetryOptions>()
            .Bind(configuration.GetSection(NatsTelemetryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new NatsTelemetryCounters(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<NatsTelemetryIngestionService>();
        services.AddHostedService(sp => sp.GetRequiredService<NatsTelemetryIngestionService>());
        services.AddOptions<JetStreamTelemetryOptions>()
            .Bind(configuration.GetSection(JetStreamTelemetryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<JetStreamTelemetryCounters>();
        services.TryAddSingleton<NatsJetStreamTelemetryService>();
        services.AddHostedService(sp => sp.GetRequiredService<NatsJetStreamTelemetryService>());
        services.TryAddSingleton<ITelemetryTransportHealth>(sp =>
            sp.GetRequiredService<IOptions<NatsTelemetryOptions>>().Value.Mode == TelemetryTransportMode.JetStream
                ? sp.GetRequiredService<NatsJetStreamTelemetryService>()
                : sp.GetRequiredService<NatsTelemetryIngestionService>());
        return services;
    }

    /// <summary>Adds <see cref="NatsScalingEventSink"/> as an <see cref="IScalingEventSink"/> (section <c>Nats:Events</c>).</summary>
    public static IServiceCollection AddAutoscalerNatsScalingEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NatsScalingEventOptions>()
            .Bind(configuration.GetSection(NatsScalingEventOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<NatsScalingEventSink>();
        services.AddSingleton<IScalingEventSink>(sp => sp.GetRequiredService<NatsScalingEventSink>());
        return services;
    }

    /// <summary>Binds <see cref="NatsAlarmEventOptions"/> (validated at start-up) and registers <see cref="NatsAlarmEventSink"/>
    /// (alarm state changes on <c>autoscaler.alarms.{alarm}</c>); the silo puts it behind its alarm event fan-out.</summary>
    public static IServiceCollection AddAutoscalerNatsAlarmEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NatsAlarmEventOptions>()
            .Bind(configuration.GetSection(NatsAlarmEventOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<NatsAlarmEventSink>();
        return services;
    }
}
