using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Grains;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>
/// One in-process silo as the grain tests run it (simulated actuator, in-memory reminders, a <see cref="FakeTimeProvider"/>
/// driving grain timers), with a history store that keeps nothing and grain storage that either keeps nothing (what the
/// silo's heap holds with PostgreSQL) or is Orleans' memory provider (embedded mode: a serialized copy of every state).
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private BenchCluster(InProcessTestCluster cluster, FakeTimeProvider clock)
    {
        Cluster = cluster;
        Clock = clock;
    }

    /// <summary>The silo's clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>A client of the cluster (in the same process).</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Starts a one-silo cluster; <paramref name="services"/> adds to or replaces the silo's services.</summary>
    public static async Task<BenchCluster> StartAsync(bool memoryStorage, Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            host.Services.AddSingleton<TimeProvider>(clock);
            host.Services.AddAutoscalerGrains();
            host.Services.AddSingleton(new SimulatedServiceRegistry(clock));
            host.Services.AddAutoscalerActuators(new ConfigurationBuilder().Build());
            host.Services.AddSingleton<IScalingHistoryStore>(new DiscardingHistoryStore());
            host.Services.AddSingleton<IScalingEventSink>(new DiscardingScalingEventSink());
            if (!memoryStorage)
            {
                host.Services.AddGrainStorage(GrainStorage.Default, (_, _) => new DiscardingGrainStorage());
            }

            services?.Invoke(host.Services);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            if (memoryStorage)
            {
                silo.AddMemoryGrainStorage(GrainStorage.Default);
            }

            silo.UseInMemoryReminderService();
        });
        builder.ConfigureClientHost(host =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchCluster(cluster, clock);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
