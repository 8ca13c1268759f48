using System.Diagnostics.Metrics;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Ingestion.Hosting;

/// <summary>Registers the shared telemetry pipeline (section <c>Telemetry</c>) that every transport feeds.</summary>
public static class TelemetryIngestionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TelemetryIngestionOptions"/> (validated at start-up), the <see cref="TelemetryIngestionCounters"/>
    /// (meter <c>Autoscaler.Telemetry</c>), the one <see cref="TelemetryDispatcher"/> of the process and a
    /// <c>telemetry-ingestion</c> health check tagged <c>ready</c> (reporting the <see cref="ITelemetryTransportHealth"/>
    /// when a push transport registered one). Safe to call from each transport's registration: only the first call adds.
    /// The caller registers the <see cref="ITelemetrySink"/>.
    /// </summary>
    public static IServiceCollection AddAutoscalerTelemetryIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(TelemetryDispatcher)))
        {
            return services;
        }

        services.AddOptions<TelemetryIngestionOptions>()
            .Bind(configuration.GetSection(TelemetryIngestionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TelemetryIngestionCounters(sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => new TelemetryDispatcher(
            sp.GetRequiredService<ITelemetrySink>(),
            sp.GetRequiredService<IOptions<TelemetryIngestionOptions>>().Value,
            sp.GetRequiredService<TelemetryIngestionCounters>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelemetryDispatcher>>()));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            TelemetryIngestionHealthCheck.Name,
            sp => new TelemetryIngestionHealthCheck(sp.GetRequiredService<TelemetryIngestionCounters>(), sp.GetService<ITelemetryTransportHealth>()),
            failureStatus: null,
            tags: ["ready"]));
        return services;
    }
}
