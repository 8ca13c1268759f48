using System.Globalization;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Sources.CloudWatch;
using Autoscaler.Adapters.Sources.PostgreSql;
using Autoscaler.Adapters.Sources.Prometheus;
using Autoscaler.Ingestion.Dispatch;
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

    /// <summary>The name of the <see cref="HttpClient"/> CloudWatch sources use.</summary>
    public const string CloudWatchHttpClientName = "Autoscaler.Sources.CloudWatch";

    /// <summary>HTTP attempts per CloudWatch read: one quick retry; the next poll is the real retry.</summary>
    public const int CloudWatchMaxAttempts = 2;

    /// <summary>
    /// Builds the pollers from validated options; <paramref name="signer"/> signs CloudWatch calls and is needed only
    /// when a cloudWatch source is configured.
    /// </summary>
    public MetricSourcePollers(
        IOptions<MetricSourcesOptions> options,
        IHttpClientFactory httpClients,
        TelemetryDispatcher dispatcher,
        TimeProvider clock,
        MetricSourceCounters counters,
        ILoggerFactory loggers,
        ITelemetryTargetCatalog? catalog = null,
        IAwsRequestSigner? signer = null)
    {
        var logger = loggers.CreateLogger<MetricSourcePoller>();
        All = [.. options.Value.Sources.Select((source, index) => new MetricSourcePoller(
            $"{source.Key ?? index.ToString(CultureInfo.InvariantCulture)}:{source.Kind.ToString()!.ToLowerInvariant()}:{source.Target}/{source.Metric}",
            Create(source, httpClients, clock, signer),
            source,
            dispatcher,
            clock,
            counters,
            logger,
            catalog))];
    }

    /// <summary>Wraps pollers built elsewhere (tests, custom sources).</summary>
    public MetricSourcePollers(IReadOnlyList<MetricSourcePoller> pollers) => All = pollers;

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

    private static IMetricSource Create(MetricSourceOptions source, IHttpClientFactory httpClients, TimeProvider clock, IAwsRequestSigner? signer) =>
        source.Kind switch
        {
            MetricSourceKind.Prometheus => new PrometheusMetricSource(
                httpClients.CreateClient(HttpClientName), new Uri(source.Url!), source.Query, source.Metric, source.InstanceLabel, source.Timeout),
            MetricSourceKind.PostgreSql => new PostgreSqlMetricSource(source.ConnectionString!, source.Query, source.Metric, source.Timeout),
            MetricSourceKind.CloudWatch => CreateCloudWatch(source, httpClients, clock, signer),
            _ => throw new InvalidOperationException($"unknown source kind {source.Kind}"),
        };

    private static CloudWatchMetricSource CreateCloudWatch(
        MetricSourceOptions source,
        IHttpClientFactory httpClients,
        TimeProvider clock,
        IAwsRequestSigner? signer)
    {
        var client = new CloudWatchJsonClient(
            httpClients.CreateClient(CloudWatchHttpClientName),
            signer ?? throw new InvalidOperationException("cloudWatch sources need an IAwsRequestSigner (AddAutoscalerAwsSigning)."),
            new CloudWatchClientOptions
            {
                Region = source.Region!,
                ServiceUrl = string.IsNullOrWhiteSpace(source.Url) ? null : new Uri(source.Url),
                MaxAttempts = CloudWatchMaxAttempts,
            },
            clock);
        return new CloudWatchMetricSource(client, CloudWatchQueries.From(source), source.Metric, clock);
    }
}
