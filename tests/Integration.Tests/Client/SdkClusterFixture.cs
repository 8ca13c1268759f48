using Autoscaler.Client;
using Autoscaler.Integration.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Integration.Tests.Client;

/// <summary>One real silo process on a fresh PostgreSQL database and an application host that uses the SDK exactly as a
/// service would: <c>AddAutoscalerClient</c> with the cluster's connection string.</summary>
public sealed class SdkClusterFixture : IAsyncLifetime
{
    private DurableCluster _cluster = null!;
    private IHost _application = null!;

    public IAutoscalerClient Autoscaler => _application.Services.GetRequiredService<IAutoscalerClient>();

    public async Task InitializeAsync()
    {
        _cluster = await DurableCluster.CreateAsync();
        await _cluster.StartSiloAsync("sdk-silo");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.AddAutoscalerClient(options =>
        {
            options.ConnectionString = _cluster.ConnectionString;
            options.ClusterId = _cluster.ClusterId;
            options.ClientName = "sdk-tests";
        });
        _application = builder.Build();
        await _application.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _application.StopAsync(TimeSpan.FromSeconds(5));
            _application.Dispose();
        }
        finally
        {
            await _cluster.DisposeAsync();
        }
    }
}
