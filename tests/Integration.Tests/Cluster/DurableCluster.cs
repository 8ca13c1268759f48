using System.Globalization;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Autoscaler.Integration.Tests.Cluster;

/// <summary>Real silo processes on a fresh PostgreSQL database, plus an Orleans client of that cluster.</summary>
internal sealed class DurableCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    private DurableCluster(string connectionString, string clusterId)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("connect the client first");

    public static async Task<DurableCluster> CreateAsync() =>
        new(await TestEnvironment.CreateDatabaseAsync("cluster"), $"c{Guid.NewGuid():N}"[..12]);

    /// <summary>A cluster on a database of the caller's (a private server a test may stop and restart).</summary>
    public static DurableCluster OnDatabase(string connectionString) => new(connectionString, $"c{Guid.NewGuid():N}"[..12]);

    /// <summary>Environment of every silo: durable mode, fast failure detection so a killed silo is declared dead in seconds.</summary>
    public Dictionary<string, string> SiloEnvironment() => new()
    {
        ["ConnectionStrings__Autoscaler"] = ConnectionString,
        ["Silo__ClusterId"] = ClusterId,
        ["Orleans__ClusterMembership__ProbeTimeout"] = "00:00:01",
        ["Orleans__ClusterMembership__NumMissedProbesLimit"] = "2",
        ["Orleans__ClusterMembership__NumVotesForDeathDeclaration"] = "1",
        ["Orleans__ClusterMembership__TableRefreshTimeout"] = "00:00:02",
        ["Orleans__ClusterMembership__IAmAliveTablePublishTimeout"] = "00:00:02",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Autoscaler"] = "Information",
    };

    public async Task<SiloProcess> StartSiloAsync(string name)
    {
        var silo = SiloProcess.Start(name, SiloEnvironment());
        _silos.Add(silo);
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    public async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = "autoscaler";
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));

            // As the SDK's Autoscaler:Client:ResponseTimeout would: a call lost with a stopping silo fails after 10 s
            // and is retried, well inside the 30 s the rolling-restart test allows one SDK call.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = ConnectionString;
            });
        });
        _client = builder.Build();
        await _client.StartAsync();
    }

    /// <summary>Retries a grain call while the cluster is still noticing a dead silo (bounded).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> call, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        Exception? last = null;
        do
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(5), deadline.Token);
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
                                          or OrleansException)
            {
                last = e;
            }
        }
        while (await poll.WaitForNextTickAsync(deadline.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));

        throw new TimeoutException($"no success within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", last);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            try
            {
                await _client.StopAsync(TimeSpan.FromSeconds(5));
            }
            finally
            {
                _client.Dispose();
            }
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
