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

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();

    public static async Task<BenchSilo> StartAsync(string natsUrl)
    {
        var connectionString = await TestEnvironment.CreateDatabaseAsync("e2e");
        var clusterId = $"e2e{Guid.NewGuid():N}"[..12];
        var name = $"e2e-{Guid.NewGuid():N}"[..16];
        var silo = SiloProcess.Start(name, new Dictionary<string, string>
        {
            ["ConnectionStrings__Autoscaler"] = connectionString,
            ["Silo__ClusterId"] = clusterId,
            ["Nats__Url"] = natsUrl,
            ["Actuators__Webhook__Secret"] = WebhookSecret,
            ["Logging__LogLevel__Default"] = "Warning",
        });
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
        builder.Services.AddAutoscalerSerialization();
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
