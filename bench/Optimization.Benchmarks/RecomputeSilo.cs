using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Grains;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Silo.ControlPlane;
using Autoscaler.Silo.ControlPlane.Events;
using Autoscaler.Silo.Optimization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Autoscaler.Optimization.Benchmarks;

/// <summary>
/// One in-process silo (Orleans' memory grain storage and reminders, the simulated actuator, an in-memory history store)
/// with the silo's own recommendation source over <paramref name="targets"/> registered targets <c>t0…</c>, each sized
/// 1 vCPU / 2 GiB, CPU target tracking at 60 per instance, and 14 days of <see cref="SyntheticHistory"/>. The clock is
/// fake and never advanced, so no evaluation timer competes with the measured recompute.
/// </summary>
internal sealed class RecomputeSilo(InProcessTestCluster cluster) : IAsyncDisposable
{
    private static readonly PolicyDefinition Cpu =
        new("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 60 } }""");

    /// <summary>The cluster's recommendations grain.</summary>
    public IRecommendationsGrain Recommendations => cluster.Client.GetGrain<IRecommendationsGrain>(IRecommendationsGrain.FleetKey);

    /// <summary>Starts the silo and registers the targets (in parallel batches).</summary>
    public static async Task<RecomputeSilo> StartAsync(int targets, int intervalSeconds)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.Zero));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            host.Services.AddSingleton<TimeProvider>(clock);
            host.Services.AddAutoscalerGrains();
            host.Services.AddSingleton(new SimulatedServiceRegistry(clock));
            host.Services.AddAutoscalerActuators(new ConfigurationBuilder().Build());
            host.Services.AddSingleton<IScalingHistoryStore>(new InMemoryScalingHistoryStore());
            host.Services.AddSingleton<IScalingEventSink>(new ScalingEventBroadcaster([]));
            host.Services.AddOptions<CostOptimizationOptions>().Configure(o =>
            {
                for (var i = 0; i < targets; i++)
                {
                    o.Targets[$"t{i}"] = new TargetCostOptions { Vcpu = 1, MemoryGiB = 2 };
                }
            });
            host.Services.AddSingleton<ITraceBackfill, SyntheticHistory>();
            host.Services.AddAutoscalerRecommendations();
            // One recompute call covers the whole fleet: minutes, past the response time-out of the calls the cluster's
            // in-process client makes through the silo (set last, over the test cluster's own setting).
            host.Services.PostConfigure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(3));
        });
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(GrainStorage.Default).UseInMemoryReminderService());
        builder.ConfigureClientHost(host =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            host.Services.PostConfigure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(3));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        for (var start = 0; start < targets; start += 200)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(200, targets - start)).Select(i =>
                cluster.Client.GetGrain<IServiceGrain>($"t{i}").ApplyAsync(new TargetSpec(
                    new TargetDefinition($"t{i}", 1, 100, 4, ActuatorBinding.Simulated, UnitCostPerHour: 0.04937m, EvaluationIntervalSeconds: intervalSeconds), [Cpu]))));
        }

        return new RecomputeSilo(cluster);
    }

    /// <summary>Runs the grain's recompute and returns what it did, in counts.</summary>
    public Task<RecommendationRecompute> RecomputeAsync() => Recommendations.RecomputeAsync();

    /// <summary>Every open record, read page by page as an operator's tool would.</summary>
    public async Task<List<RecommendationRecord>> OpenRecordsAsync()
    {
        var records = new List<RecommendationRecord>();
        while (true)
        {
            var page = await Recommendations.ListAsync(new RecommendationQuery(State: RecommendationStates.Open, Offset: records.Count, Limit: RecommendationQuery.MaxLimit));
            records.AddRange(page.Records);
            if (page.Records.Count == 0 || records.Count >= page.Total)
            {
                return records;
            }
        }
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
