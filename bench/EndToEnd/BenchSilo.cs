using Autoscaler.Grains.Interfaces;
using Autoscaler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>One real silo process (Release build) on a fresh PostgreSQL database with NATS ingestion, plus an Orleans client.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    public const string WebhookSecret = "end-to-end-benchmark-secret";

    private readonly SiloProcess _silo;
    private readonly IHost _client;

    private BenchSilo(SiloProcess silo, IHost client, int pid)
    {
        _silo = silo;
        _client = client;
        Pid = pid;
    }

    public int Pid { get; }

    /// <summary>True while the silo process runs.</summary>
    public bool IsRunning => _silo.IsRunning;

    /// <summary>What the silo printed (for a failure report).</summary>
    public string Output => _silo.Output;

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's telemetry ingestion counters as <c>/health/ready</c> reports them (received, rejected, overflowed, ...).</summary>
    public async Task<string> TelemetryCountersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri(_silo.BaseAddress, "/health/ready"));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").TryGetProperty("telemetry-ingestion", out var check)
            ? check.GetProperty("data").GetRawText()
            : "(no telemetry-ingestion check)";
    }

    /// <summary>The ingestion counters that tell when a burst has been worked off.</summary>
    public async Task<IngestionCounters> IngestionCountersAsync()
    {
        using var body = System.Text.Json.JsonDocument.Parse(await TelemetryCountersAsync());
        var data = body.RootElement;
        return new IngestionCounters(
            data.GetProperty("messagesReceived").GetInt64() + (data.TryGetProperty("clientDropped", out var dropped) ? dropped.GetInt64() : 0),
            data.GetProperty("samplesAccepted").GetInt64(),
            data.GetProperty("samplesDelivered").GetInt64(),
            data.GetProperty("batchesDelivered").GetInt64());
    }

    /// <summary>Starts a silo process; <paramref name="extraEnvironment"/> adds settings (e.g. <c>Actuators__WarmUp__Enabled</c>).</summary>
    public static async Task<BenchSilo> StartAsync(string natsUrl, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var connectionString = await TestEnvironment.CreateDatabaseAsync("e2e");
        var clusterId = $"e2e{Guid.NewGuid():N}"[..12];
        var name = $"e2e-{Guid.NewGuid():N}"[..16];
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Autoscaler"] = connectionString,
            ["Silo__ClusterId"] = clusterId,
            ["Nats__Url"] = natsUrl,
            ["Actuators__Webhook__Secret"] = WebhookSecret,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var silo = SiloProcess.Start(name, environment);
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var pid = ProcessStats.FindByEnvironment($"Silo__Name={name}");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = "autoscaler";
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(silo, host, pid);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync(TimeSpan.FromSeconds(5));
        _client.Dispose();
        await _silo.DisposeAsync();
    }
}
