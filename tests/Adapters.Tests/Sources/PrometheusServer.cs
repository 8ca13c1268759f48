using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Testing;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// A real Prometheus server (<see cref="PrometheusProcess"/>: the Debian package's binary) on 127.0.0.1 scraping a tiny
/// local exporter every second. Started once per test class; ready when the exporter's series are queryable.
/// </summary>
public sealed class PrometheusServer : IAsyncLifetime
{
    /// <summary>What the exporter serves (text exposition format): three workers, one with a NaN gauge.</summary>
    public const string Exposition = """
        # HELP queue_depth Jobs waiting per worker.
        # TYPE queue_depth gauge
        queue_depth{pod="worker-a"} 7
        queue_depth{pod="worker-b"} 12.5
        queue_depth{pod="worker-c"} NaN

        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private PrometheusProcess? _prometheus;

    public ScriptedHttpServer Exporter { get; private set; } = null!;

    public Uri Url => _prometheus!.Url;

    /// <summary>The exporter's scrape address, which Prometheus puts in each series' <c>instance</c> label.</summary>
    public string ExporterInstance => Exporter.BaseUri.Authority;

    public async Task InitializeAsync()
    {
        Exporter = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200, Exposition, "text/plain; version=0.0.4"));
        _prometheus = PrometheusProcess.Start($"""
              - job_name: exporter
                metrics_path: /metrics
                static_configs:
                  - targets: ['{ExporterInstance}']

            """);
        await _prometheus.WaitForAsync("count(queue_depth) == 3", StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        await Exporter.DisposeAsync();
    }
}
