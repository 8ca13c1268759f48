using System.Net.Http.Headers;
using Autoscaler.Client;
using Autoscaler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Registration.Benchmarks;

/// <summary>A real silo process on a fresh PostgreSQL database, with the SDK connected to it and an HTTP client holding
/// its generated admin key: each scenario starts from an empty fleet.</summary>
internal sealed class RegistrationSilo : IAsyncDisposable
{
    private readonly SiloProcess _silo;
    private readonly IHost _client;

    private RegistrationSilo(SiloProcess silo, IHost client, HttpClient http, string connectionString)
    {
        ConnectionString = connectionString;
        _silo = silo;
        _client = client;
        Http = http;
    }

    /// <summary>The SDK.</summary>
    public IAutoscalerClient Sdk => _client.Services.GetRequiredService<IAutoscalerClient>();

    /// <summary>The Orleans client under the SDK (today's per-target path calls the grains directly).</summary>
    public IClusterClient Cluster => _client.Services.GetRequiredService<IClusterClient>();

    /// <summary>The scenario's own database.</summary>
    public string ConnectionString { get; }

    /// <summary>The REST API with an admin key.</summary>
    public HttpClient Http { get; }

    public static async Task<RegistrationSilo> StartAsync()
    {
        var connectionString = await TestEnvironment.CreateDatabaseAsync("reg");
        var clusterId = $"reg{Guid.NewGuid():N}"[..12];
        var silo = SiloProcess.Start($"reg-{Guid.NewGuid():N}"[..16], new Dictionary<string, string>
        {
            ["ConnectionStrings__Autoscaler"] = connectionString,
            ["Silo__ClusterId"] = clusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.AddAutoscalerClient(o =>
        {
            o.ClusterId = clusterId;
            o.ConnectionString = connectionString;
        });
        var host = builder.Build();
        await host.StartAsync();
        var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(silo.KeyFile)).Trim());
        return new RegistrationSilo(silo, host, http, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _client.StopAsync(TimeSpan.FromSeconds(5));
        _client.Dispose();
        await _silo.DisposeAsync();
    }
}
