using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>Registers targets as bench/EndToEnd does and feeds them 1 Hz telemetry from 10 agents in simulated time.</summary>
internal static class Fleet
{
    /// <summary>Agents reporting for every target.</summary>
    public const int Agents = 10;

    /// <summary>Simulated seconds between two deliveries to a target (each carries every agent's 1 Hz samples).</summary>
    public const int StepSeconds = 30;

    private const int Parallelism = 64;

    private static readonly PolicyDefinition CpuPolicy =
        new("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""");

    /// <summary>Target ids of a run (the prefix keeps runs apart).</summary>
    public static string[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D5}")];

    /// <summary>ConfigureAsync + SetPolicyAsync with a CPU target-tracking policy (min 1, max 20, initial 2, simulated actuator).</summary>
    public static Task RegisterAsync(IClusterClient client, IEnumerable<string> ids) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, _) =>
        {
            var grain = client.GetGrain<IServiceGrain>(id);
            await grain.ConfigureAsync(new TargetDefinition(id, 1, 20, 2, ActuatorBinding.Simulated));
            await grain.SetPolicyAsync(CpuPolicy);
        });

    /// <summary>
    /// Advances the silo clock by <paramref name="minutes"/> in steps of <see cref="StepSeconds"/>; after each step every
    /// target gets the samples of that step (10 agents × 1 Hz) in one IngestAsync call. Grain timers fire as the clock moves.
    /// </summary>
    public static async Task FeedAsync(IClusterClient client, FakeTimeProvider clock, IReadOnlyList<string> ids, int minutes, LoadShape shape)
    {
        var start = clock.GetUtcNow();
        for (var step = 0; step < minutes * 60 / StepSeconds; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(StepSeconds));
            var now = clock.GetUtcNow();
            var points = Samples(now, (now - start).TotalMinutes, shape);
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, _) =>
                await client.GetGrain<IServiceGrain>(id).IngestAsync(points));
        }
    }

    /// <summary>Average number of recent decisions a target keeps (read from every <paramref name="stride"/>th target).</summary>
    public static async Task<double> RecentDecisionsAsync(IClusterClient client, IReadOnlyList<string> ids, int stride = 20)
    {
        var sampled = ids.Where((_, i) => i % stride == 0).ToList();
        var total = 0;
        foreach (var id in sampled)
        {
            total += (await client.GetGrain<IServiceGrain>(id).GetRecentDecisionsAsync(int.MaxValue)).Count;
        }

        return sampled.Count == 0 ? 0 : (double)total / sampled.Count;
    }

    private static TelemetrySample[] Samples(DateTimeOffset now, double minute, LoadShape shape)
    {
        var level = shape == LoadShape.Steady ? 3.0 : ((int)(minute / 5) % 2 == 0 ? 90.0 : 10.0);
        var points = new TelemetrySample[Agents * StepSeconds];
        for (var second = 0; second < StepSeconds; second++)
        {
            var at = now.AddSeconds(second - StepSeconds + 1);
            for (var agent = 0; agent < Agents; agent++)
            {
                // A little spread across agents and seconds, as real CPU has: histogram rows cover more than one bin.
                var value = level + (agent * 0.7) + ((second * 7 + agent * 3) % 11 * 0.4);
                points[(second * Agents) + agent] = new TelemetrySample(
                    $"agent-{agent}", at, new Dictionary<string, double> { ["cpu"] = value });
            }
        }

        return points;
    }
}
