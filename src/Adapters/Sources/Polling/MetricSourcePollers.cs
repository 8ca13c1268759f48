using Autoscaler.Adapters.Sources.PostgreSql;
using Autoscaler.Adapters.Sources.Prometheus;
using Autoscaler.Ports.Sources;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>One <see cref="MetricSourcePoller"/> per configured source, built once; owns the sources' connections.</summary>
public sealed class MetricSourcePollers : IAsyncDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> Prometheus sources use.</summary>
    public const string HttpClientName = "Autoscaler.Sources.Prometheus";

    /// <summary>Builds the pollers from validated options.</summary>
    public MetricSourcePollers(
        IOptions<MetricSourcesOptions> options,
        IHttpClientFactory httpClients,
        ITelemetrySink sink,
        TimeProvider clock,
        MetricSourceCounters counters,
        ILoggerFactory loggers,
        ITelemetryTargetCatalog? catalog = null)
    {
        var logger = loggers.CreateLogger<MetricSourcePoller>();
        All = [.. options.Value.Sources.Select((source, index) => new MetricSourcePoller(
            $"{index}:{source.Kind.ToString()!.ToLowerInvariant()}:{source.Target}/{source.Metric}",
            Create(source, httpClients),
            source,
            sink,
            clock,
            counters,
            logger,
            catalog))];
    }

    /// <summary>The pollers, in configuration order.</summary>
    public IReadOnlyList<MetricSourcePoller> All { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var poller in All)
        {
            if (poller.Source is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static IMetricSource Create(MetricSourceOptions source, IHttpClientFactory httpClients) => source.Kind switch
    {
        MetricSourceKind.Prometheus => new PrometheusMetricSource(
            httpClients.CreateClient(HttpClientName), new Uri(source.Url!), source.Query, source.Metric, source.InstanceLabel, source.Timeout),
        MetricSourceKind.PostgreSql => new PostgreSqlMetricSource(source.ConnectionString!, source.Query, source.Metric, source.Timeout),
        _ => throw new InvalidOperationException($"unknown source kind {source.Kind}"),
    };
}
