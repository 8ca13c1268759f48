using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Grains;
using Autoscaler.Grains.Recommendations;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Configuration;
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

    /// <summary>The simulated services behind targets bound to the <c>simulated</c> actuator.</summary>
    public SimulatedServiceRegistry Simulated { get; private set; } = null!;

    /// <summary>The silo's scaling-event sink.</summary>
    public CapturingScalingEventSink Events { get; } = new();

    /// <summary>The silo's history store.</summary>
    public RecordingScalingHistoryStore History { get; } = new();

    /// <summary>The silo's alarm history and alarm event sink.</summary>
    public RecordingAlarmStore Alarms { get; } = new();

    /// <summary>The silo's alarm notifier.</summary>
    public RecordingNotifier Notifier { get; } = new();

    /// <summary>What the recommendations grain's recomputes propose.</summary>
    public ScriptedRecommendationSource Recommendations { get; } = new();

    /// <summary>How the silo prices sized targets (none configured: every target keeps its unit price).</summary>
    public ModelPricedInstances Pricing { get; } = new();

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => DeployAsync(1);

    /// <summary>Starts a cluster of <paramref name="silos"/> silos configured alike (the placement tests use several).</summary>
    public async Task DeployAsync(int silos)
    {
        Simulated = new SimulatedServiceRegistry(Clock);
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.AddAutoscalerGrains();
            // The keep-alive sweep's own loop is off: tests that move the fake clock by hours would race it; its tests
            // run sweeps themselves (KeepAlive/KeepAliveSweepTests).
            host.Services.Configure<Autoscaler.Grains.KeepAlive.KeepAliveOptions>(o => o.Enabled = false);
            host.Services.AddSingleton(Simulated);
            host.Services.AddAutoscalerActuators(new ConfigurationBuilder().Build());
            host.Services.AddSingleton<IScalingHistoryStore>(History);
            host.Services.AddSingleton<IScalingEventSink>(Events);
            host.Services.AddSingleton<IAlarmHistoryStore>(Alarms);
            host.Services.AddSingleton<IAlarmEventSink>(Alarms);
            host.Services.AddSingleton<IAlarmNotifier>(Notifier);
            host.Services.AddSingleton<IRecommendationSource>(Recommendations);
            host.Services.AddSingleton<Autoscaler.Grains.Sizing.IInstancePricing>(Pricing);
        });
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(GrainStorage.Default).UseInMemoryReminderService());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
