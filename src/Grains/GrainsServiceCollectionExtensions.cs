using Autoscaler.Grains.Alarms;
using Autoscaler.Grains.KeepAlive;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Recommendations;
using Autoscaler.Grains.Services.Decisions;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Storage;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ports.Telemetry;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace Autoscaler.Grains;

/// <summary>Registers what the grains need from the silo's container.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains' services: the system clock (tests replace it) and the settings that keep JSON grain state readable
    /// across versions (<see cref="GrainStateTypeBinder"/>) and reading into fresh objects.
    /// </summary>
    public static IServiceCollection AddAutoscalerGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Stateless links from a target to other grains: one per silo, not one per target.
        services.TryAddSingleton<ISupervisorLink, GrainSupervisorLink>();
        services.TryAddSingleton<IDecisionFanout, GrainDecisionFanout>();
        services.TryAddSingleton<Supervision.Budget.BudgetActionRunnerFactory>();

        // Alarms: settings (the silo binds the Alarms section) and the silo counters control-plane alarms read.
        services.AddOptions<AlarmOptions>();
        services.TryAddSingleton<IControlPlaneSignals, NoControlPlaneSignals>();
        services.TryAddSingleton(sp => new AlarmMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        // Per-target telemetry limits: the composition root binds the options and counts refusals in the pipeline.
        services.AddOptions<TargetLimitsOptions>();
        services.TryAddSingleton<ITelemetryLimitCounter, UncountedTelemetryLimits>();
        services.TryAddSingleton<TargetTelemetryLimits>();
        // The control plane's own meters and the per-silo registry the capacity gauges read (docs/monitoring.md).
        services.AddMetrics();
        services.TryAddSingleton<TargetCapacityRegistry>();
        services.TryAddSingleton<ControlPlaneMetrics>();
        // The keep-alive sweep that brings targets and alarms back after their silo is lost (the silo binds KeepAlive).
        services.AddOptions<KeepAliveOptions>();
        services.TryAddSingleton<KeepAliveSweep>();
        services.AddHostedService<KeepAliveSweeper>();
        // A target's grains live on its home silo (rendezvous hashing, Placement/); the sweep asks the ones living
        // elsewhere to migrate home through the probe, a grain extension any grain answers (Orleans resolves extensions
        // as keyed IGrainExtension services, which is what ISiloBuilder.AddGrainExtension registers).
        services.AddPlacementDirector<Placement.TargetPlacement, Placement.TargetPlacementDirector>();
        services.AddKeyedTransient<IGrainExtension, Placement.PlacementProbe>(typeof(Placement.IPlacementProbe));
        // Instance sizes: the silo replaces this with its Optimization:Targets settings and the Fargate size catalog.
        services.TryAddSingleton<Sizing.ITargetSizeSettings, Sizing.UnconfiguredTargetSizes>();
        services.TryAddSingleton<Sizing.IInstancePricing, Sizing.UnitPricedInstances>();

        // Cost recommendations: the silo binds the options and supplies the optimiser as the source.
        services.AddOptions<RecommendationsOptions>();
        services.TryAddSingleton<IRecommendationSource, NoRecommendationSource>();
        services.PostConfigure<OrleansJsonSerializerOptions>(o =>
        {
            var settings = o.JsonSerializerSettings;
            settings.SerializationBinder = new GrainStateTypeBinder(settings.SerializationBinder ?? new DefaultSerializationBinder());

            // The default (Auto) fills a property's existing value in place: reading a supervisor's row wrote its limits
            // into the shared SupervisorSettings.Default that every new state starts from, so new scopes inherited them.
            settings.ObjectCreationHandling = ObjectCreationHandling.Replace;
        });
        return services;
    }
}
