using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Sources.Hosting;

/// <summary>Registers the pull metric sources (section <c>Sources</c>).</summary>
public static class MetricSourceServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="MetricSourcesOptions"/> at start-up (postgresql sources default to
    /// <c>ConnectionStrings:Autoscaler</c>), and adds the pollers, their hosted service, the <c>Autoscaler.Sources</c>
    /// counters and a <c>metric-sources</c> health check tagged <c>ready</c>. The caller registers the
    /// <see cref="ITelemetrySink"/> (and optionally an <see cref="ITelemetryTargetCatalog"/>). With no source configured
    /// nothing polls.
    /// </summary>
    public static IServiceCollection AddAutoscalerMetricSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MetricSourcesOptions>()
            .Configure(options =>
            {
                configuration.GetSection(MetricSourcesOptions.SectionName).Bind(options.Sources);
                var fallback = configuration.GetConnectionString(MetricSourcesOptions.DefaultConnectionStringName);
                foreach (var source in options.Sources.Where(s => string.IsNullOrWhiteSpace(s.ConnectionString)))
                {
                    source.ConnectionString = fallback;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricSourcesOptions>, MetricSourcesOptionsValidator>());
        services.AddMetrics();
        services.AddHttpClient(MetricSourcePollers.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MetricSourceCounters(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new MetricSourcePollers(
            sp.GetRequiredService<IOptions<MetricSourcesOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ITelemetrySink>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<MetricSourceCounters>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<ITelemetryTargetCatalog>()));
        services.AddHostedService<MetricSourcePollingService>();
        services.AddHealthChecks().AddCheck<MetricSourcesHealthCheck>(MetricSourcesHealthCheck.Name, tags: ["ready"]);
        return services;
    }
}
