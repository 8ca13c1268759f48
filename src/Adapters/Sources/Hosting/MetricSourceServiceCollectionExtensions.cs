using Autoscaler.Adapters.Aws.Hosting;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Hosting;
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
    /// <c>ConnectionStrings:Autoscaler</c>, cloudWatch sources to the region in <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>),
    /// and adds the pollers, their hosted service, the <c>Autoscaler.Sources</c> counters and a <c>metric-sources</c>
    /// health check tagged <c>ready</c>. The pollers deliver through the shared telemetry pipeline, added here if no
    /// other transport added it (<see cref="TelemetryIngestionServiceCollectionExtensions.AddAutoscalerTelemetryIngestion"/>).
    /// CloudWatch calls are signed with the AWS adapter's <see cref="IAwsCredentialsProvider"/> when one is registered,
    /// else with the SDK's default chain. The caller registers the <see cref="ITelemetrySink"/> (and optionally an
    /// <see cref="ITelemetryTargetCatalog"/>). With no source configured nothing polls.
    /// </summary>
    public static IServiceCollection AddAutoscalerMetricSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAutoscalerTelemetryIngestion(configuration);
        services.AddOptions<MetricSourcesOptions>()
            .Configure(options =>
            {
                // Entry by entry rather than binding the list, which renumbers gaps ("Sources:3" alone would become 0).
                var fallback = configuration.GetConnectionString(MetricSourcesOptions.DefaultConnectionStringName);
                foreach (var entry in configuration.GetSection(MetricSourcesOptions.SectionName).GetChildren())
                {
                    var source = new MetricSourceOptions { Key = entry.Key };
                    entry.Bind(source);
                    source.ConnectionString = string.IsNullOrWhiteSpace(source.ConnectionString) ? fallback : source.ConnectionString;
                    if (source.Kind == MetricSourceKind.CloudWatch && string.IsNullOrWhiteSpace(source.Region))
                    {
                        source.Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
                    }

                    options.Sources.Add(source);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricSourcesOptions>, MetricSourcesOptionsValidator>());
        services.AddMetrics();
        services.AddHttpClient(MetricSourcePollers.HttpClientName);
        services.AddHttpClient(MetricSourcePollers.CloudWatchHttpClientName);
        services.AddAutoscalerAwsSigning();
        services.TryAddSingleton(sp => new MetricSourceCounters(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new MetricSourcePollers(
            sp.GetRequiredService<IOptions<MetricSourcesOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TelemetryDispatcher>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<MetricSourceCounters>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<ITelemetryTargetCatalog>(),
            sp.GetRequiredService<IAwsRequestSigner>()));
        services.AddHostedService<MetricSourcePollingService>();
        services.AddHealthChecks().AddCheck<MetricSourcesHealthCheck>(MetricSourcesHealthCheck.Name, tags: ["ready"]);
        return services;
    }
}
