using Autoscaler.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>One in-process silo shared by the grain tests; its clock is a <see cref="FakeTimeProvider"/> that drives
/// grain timers, so tests advance time instead of sleeping. Each test uses its own grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The silo's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.AddAutoscalerGrains();
        });
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(GrainStorage.Default).UseInMemoryReminderService());
        builder.ConfigureClientHost(host => host.Services.AddAutoscalerSerializationForClient());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
