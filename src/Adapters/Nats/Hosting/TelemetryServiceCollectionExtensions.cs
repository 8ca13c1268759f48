using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Nats.Hosting;

/// <summary>Registers NATS telemetry ingestion (section <c>Telemetry</c>) and the NATS scaling-event sink.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the shared <see cref="TelemetryDispatcher"/> (for every transport), the NATS ingestion hosted service, counters and a <c>telemetry-ingestion</c> health check tagged <c>ready</c>.
    /// The caller registers the <see cref="Ports.Telemetry.ITelemetrySink"/> (and optionally an
    /// <see cref="Ports.Telemetry.ITelemetryTargetCatalog"/>); call <see cref="NatsServiceCollectionExtensions.AddAutoscalerNats"/> first.
    /// </summary>
    public static IServiceCollection AddAutoscalerTelemetryIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryIngestionOptions>()
            .Bind(configuration.GetSection(TelemetryIngestionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TelemetryIngestionCounters(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new TelemetryDispatcher(
            sp.GetRequiredService<ITelemetrySink>(),
            sp.GetRequiredService<IOptions<TelemetryIngestionOptions>>().Value,
            sp.GetRequiredService<TelemetryIngestionCounters>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelemetryDispatcher>>()));
        services.TryAddSingleton<NatsTelemetryIngestionService>();
        services.AddHostedService(sp => sp.GetRequiredService<NatsTelemetryIngestionService>());
        services.AddHealthChecks().AddCheck<TelemetryIngestionHealthCheck>(TelemetryIngestionHealthCheck.Name, tags: ["ready"]);
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
}
