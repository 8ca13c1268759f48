using System.Diagnostics;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Scaling.Windows;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>
/// The measured runs. Each starts its own silo, warms it up on a few targets it then removes, takes the live heap as the
/// baseline, and reports the growth divided by the targets it added.
/// </summary>
internal sealed class Runs(MemorySettings settings)
{
    /// <summary>The product goal for a target's share of the silo's memory.</summary>
    public const string Goal = "≤ 20 KB/target";
    private const int WarmUpTargets = 20;

    private readonly List<MemoryResult> _results = [];

    /// <summary>Names of the runs, in order; each runs in a process of its own (see Program.cs).</summary>
    public static IReadOnlyList<string> Names { get; } = ["steady", "oscillating", "embedded", "policy", "history", "routing"];

    /// <summary>Runs one of <see cref="Names"/>.</summary>
    public async Task<IReadOnlyList<MemoryResult>> RunAsync(string name)
    {
        switch (name)
        {
            case "steady":
                await TargetsAsync(name, LoadShape.Steady, memoryStorage: false);
                break;
            case "oscillating":
                await TargetsAsync(name, LoadShape.Oscillating, memoryStorage: false);
                break;
            case "embedded":
                await TargetsAsync(name, LoadShape.Oscillating, memoryStorage: true);
                break;
            case "policy":
                await PolicyGrainsAsync();
                break;
            case "history":
                Histories();
                break;
            case "routing":
                await RoutingAsync();
                break;
            default:
                throw new ArgumentException($"unknown run '{name}': one of {string.Join(", ", Names)}", nameof(name));
        }

        return _results;
    }

    /// <summary>Registers the targets, then feeds them.</summary>
    private async Task TargetsAsync(string name, LoadShape shape, bool memoryStorage)
    {
        await using var silo = await BenchCluster.StartAsync(memoryStorage);
        await WarmUpAsync(silo);
        var ids = Fleet.Ids(name, settings.Targets);
        var storage = memoryStorage ? "memory grain storage" : "storage that keeps nothing";
        var baseline = HeapMeter.LiveBytes();
        await DumpAsync($"{name}-baseline");
        var stopwatch = Stopwatch.StartNew();
        await Fleet.RegisterAsync(silo.Client, ids);
        var registered = (HeapMeter.LiveBytes() - baseline) / (double)ids.Length;
        await DumpAsync($"{name}-registered");
        Note($"{name}: registered, no telemetry yet", ids.Length, registered, null, null,
            $"ConfigureAsync + SetPolicyAsync (CPU target tracking) per target, {storage}; {await ActivationsAsync(silo)}");

        await Fleet.FeedAsync(silo.Client, silo.Clock, ids, settings.Minutes, shape);
        var fed = (HeapMeter.LiveBytes() - baseline) / (double)ids.Length;
        var decisions = await Fleet.RecentDecisionsAsync(silo.Client, ids);
        await DumpAsync($"{name}-after");
        var load = shape == LoadShape.Steady ? "steady ~8 % CPU per agent (capacity holds at 2)" : "CPU 90 % / 10 % alternating every 5 min";
        Note($"{name}: after {settings.Minutes} min of telemetry", ids.Length, fed, memoryStorage ? null : Goal, memoryStorage ? null : fed <= 20 * 1024,
            $"{Fleet.Agents} agents × 1 Hz, {load}, delivered every {Fleet.StepSeconds} simulated s; {storage}; " +
            $"{decisions:F1} recent decisions per target on average; {await ActivationsAsync(silo)}; {stopwatch.Elapsed.TotalSeconds:F0} s wall");
        if (shape == LoadShape.Steady)
        {
            // Votes that hold are never sent again: the policy grains idle until Orleans collects them (PolicyGrain's
            // collection age). The run is too short in wall-clock time to get there, so the collection is forced here for
            // activations idle 20 s or more (service grains were called moments ago and stay).
            await silo.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(20));
            var collected = (HeapMeter.LiveBytes() - baseline) / (double)ids.Length;
            await DumpAsync($"{name}-collected");
            Note($"{name}: after idle policy grains are collected", ids.Length, collected, Goal, collected <= 20 * 1024,
                $"as the line before, then IManagementGrain.ForceActivationCollection(20 s): what PolicyGrain's collection age " +
                $"reaches once votes have held for it; {await ActivationsAsync(silo)}");
        }

        if (memoryStorage)
        {
            await ReloadAsync(silo, ids);
            var reloaded = (HeapMeter.LiveBytes() - baseline) / (double)ids.Length;
            var after = await Fleet.RecentDecisionsAsync(silo.Client, ids);
            Note($"{name}: after every service grain reloaded its state", ids.Length, reloaded, null, null,
                $"each ServiceGrain deactivated and activated again from memory storage (as after a failover or restart); " +
                $"{after:F1} recent decisions per target; {await ActivationsAsync(silo)}");
            await DumpAsync($"{name}-reloaded");
        }
    }

    /// <summary>Deactivates every service grain and activates it again: its state comes back from storage.</summary>
    private static async Task ReloadAsync(BenchCluster silo, IReadOnlyList<string> ids)
    {
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) =>
            await silo.Client.GetGrain<IServiceGrain>(id).AsReference<IGrainManagementExtension>().DeactivateOnIdle());
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) =>
            await silo.Client.GetGrain<IServiceGrain>(id).GetStatusAsync());
    }

    /// <summary>Policy grains alone (SetAsync, then idle): an activation with one small persistent state.</summary>
    private async Task PolicyGrainsAsync()
    {
        await using var silo = await BenchCluster.StartAsync(memoryStorage: false);
        await WarmUpAsync(silo);
        var ids = Fleet.Ids("policy", settings.Targets);
        var baseline = HeapMeter.LiveBytes();
        var policy = new PolicyDefinition("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""");
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) =>
            await silo.Client.GetGrain<IPolicyGrain>($"{id}/cpu").SetAsync(policy));
        var perActivation = (HeapMeter.LiveBytes() - baseline) / (double)ids.Length;
        Note("one PolicyGrain activation (Orleans activation + one small state)", ids.Length, perActivation, null, null,
            $"IPolicyGrain.SetAsync on {ids.Length} grains, nothing else; {await ActivationsAsync(silo)}");
    }

    /// <summary>
    /// The 14-day hourly history a target keeps per metric (for forecasting), alone: young (one hour of data, what the
    /// target runs show) and full (every one of its 336 steps holds data, what a target registered for 14 days holds).
    /// </summary>
    private void Histories()
    {
        History("one hour old", 1);
        History("14 days old (full)", 14 * 24);
    }

    private void History(string label, int hours)
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var baseline = HeapMeter.LiveBytes();
        var histories = new MetricHistory[settings.Targets];
        for (var i = 0; i < histories.Length; i++)
        {
            histories[i] = MetricHistory.Hourly14Days();
            for (var minute = 0; minute < hours * 60; minute += 15)
            {
                histories[i].Record(start.AddMinutes(minute), 40 + (minute % 7));
            }
        }

        var perHistory = (HeapMeter.LiveBytes() - baseline) / (double)histories.Length;
        GC.KeepAlive(histories);
        Note($"14-day metric history, {label}", histories.Length, perHistory, null, null,
            $"MetricHistory.Hourly14Days() fed every 15 min for {hours} h; one per metric of a target (the runs above have one metric)");
    }

    /// <summary>The silo's telemetry routing: one queue and pump per target that has sent telemetry.</summary>
    private async Task RoutingAsync()
    {
        var counters = new TelemetryIngestionCounters();
        var baseline = HeapMeter.LiveBytes();
        var dispatcher = new TelemetryDispatcher(new DiscardingSink(), new TelemetryIngestionOptions(), counters, TimeProvider.System, NullLogger.Instance);
        var now = DateTimeOffset.UtcNow;
        for (var t = 0; t < settings.Targets; t++)
        {
            var samples = Enumerable.Range(0, Fleet.Agents)
                .Select(a => new TelemetrySample($"agent-{a}", now, new Dictionary<string, double> { ["cpu"] = 30 }))
                .ToList();
            dispatcher.Enqueue($"route-{t:D5}", samples);
        }

        var expected = (long)settings.Targets * Fleet.Agents;
        while (counters.Snapshot().SamplesDelivered < expected)
        {
            await Task.Yield();
        }

        var perTarget = (HeapMeter.LiveBytes() - baseline) / (double)settings.Targets;
        Note("telemetry routing (TelemetryDispatcher queue + pump per target)", settings.Targets, perTarget, null, null,
            $"{Fleet.Agents} samples queued and delivered per target into a sink that keeps nothing; default options");
        await dispatcher.DisposeAsync();
    }

    /// <summary>Exercises every code path once (JIT, serializer caches, silo-wide grains) so the baseline includes them.</summary>
    private static async Task WarmUpAsync(BenchCluster silo)
    {
        var ids = Fleet.Ids("warm", WarmUpTargets);
        await Fleet.RegisterAsync(silo.Client, ids);
        await Fleet.FeedAsync(silo.Client, silo.Clock, ids, 1, LoadShape.Oscillating);
        foreach (var id in ids)
        {
            await silo.Client.GetGrain<IServiceGrain>(id).RemoveAsync();
        }
    }

    private static async Task DumpAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_MEMORY_DUMP") is { Length: > 0 } dump)
        {
            HeapMeter.LiveBytes();
            using var p = Process.Start(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "createdump"),
                ["-f", $"{dump}-{name}.dmp", "--withheap", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await p.WaitForExitAsync();
        }
    }

    private static async Task<string> ActivationsAsync(BenchCluster silo)
    {
        var statistics = await silo.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return "activations: " + string.Join(", ", statistics
            .GroupBy(s => s.GrainType.Split(',')[0].Split('.')[^1])
            .Select(g => (Type: g.Key, Count: g.Sum(s => s.ActivationCount)))
            .Where(g => g.Count > 5)
            .OrderByDescending(g => g.Count)
            .Select(g => $"{g.Type} {g.Count}"));
    }

    private void Note(string scenario, int targets, double bytesPerTarget, string? goal, bool? met, string note)
    {
        _results.Add(new MemoryResult(scenario, targets, Math.Round(bytesPerTarget), goal, met, note));
        Console.WriteLine($"{scenario}: {bytesPerTarget / 1024:N2} KB/target — {note}");
    }

    private sealed class DiscardingSink : ITelemetrySink
    {
        public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
