using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Nats.Hosting;
using Autoscaler.Adapters.Sources.Hosting;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ingestion.Hosting;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Silo.ControlPlane.Alarms;
using Autoscaler.Silo.ControlPlane.Events;
using Autoscaler.Silo.ControlPlane.Events.Stream;
using Autoscaler.Silo.ControlPlane.Fleet;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>Connects the grains to the outside: actuators, history, scaling events (in-process stream + NATS) and
/// telemetry ingestion (the shared pipeline, fed by the NATS subscription, HTTP and pull sources) feeding the service
/// grains.</summary>
public static class ControlPlaneHostingExtensions
{
    /// <summary>Registers the ports' implementations for this silo.</summary>
    public static WebApplicationBuilder AddAutoscalerControlPlane(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAutoscalerActuators(builder.Configuration);

        // Durable mode registered the PostgreSQL store already; embedded mode keeps history in memory.
        services.TryAddSingleton<IScalingHistoryStore, InMemoryScalingHistoryStore>();

        services.AddAutoscalerNatsScalingEvents(builder.Configuration);
        services.AddSingleton<IScalingEventForwarder, NatsEventForwarder>();
        services.AddSingleton<ScalingEventBroadcaster>();
        services.Replace(ServiceDescriptor.Singleton<IScalingEventSink>(sp => sp.GetRequiredService<ScalingEventBroadcaster>()));
        services.AddSingleton<EventStreamFanout>();
        services.AddHostedService<EventStreamPump>();

        services.AddSingleton<TargetCatalog>();
        services.AddSingleton<ITelemetryTargetCatalog>(sp => sp.GetRequiredService<TargetCatalog>());
        services.AddHostedService(sp => sp.GetRequiredService<TargetCatalog>());
        services.AddSingleton<ITelemetrySink, GrainTelemetrySink>();
        services.AddAutoscalerTelemetryIngestion(builder.Configuration);
        services.AddOptions<TargetLimitsOptions>().BindConfiguration(TargetLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Grains.KeepAlive.KeepAliveOptions>().BindConfiguration(Grains.KeepAlive.KeepAliveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One throwaway decision in memory at start, so the first real reaction does not run the path first (issue 19).
        services.AddOptions<Grains.Services.Decisions.WarmUp.DecisionWarmUpOptions>()
            .BindConfiguration(Grains.Services.Decisions.WarmUp.DecisionWarmUpOptions.Section).ValidateOnStart();
        services.AddHostedService<Grains.Services.Decisions.WarmUp.DecisionPathWarmUp>();
        services.Replace(ServiceDescriptor.Singleton<ITelemetryLimitCounter>(sp => sp.GetRequiredService<TelemetryIngestionCounters>()));
        services.AddAutoscalerNatsTelemetry(builder.Configuration);
        services.AddAutoscalerMetricSources(builder.Configuration);
        services.AddAutoscalerFleetConfiguration();
        builder.AddAutoscalerAlarms();
        return builder;
    }
}
