using Autoscaler.Grains.Interfaces;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>Registers targets through the Orleans client (the REST routes are not needed).</summary>
internal static class Targets
{
    private const string CpuPolicy = """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""";

    /// <summary>Registers <paramref name="ids"/> with a CPU target-tracking policy, <paramref name="parallelism"/> at a time.</summary>
    public static async Task RegisterAsync(IClusterClient client, IEnumerable<string> ids, ActuatorBinding actuator, int parallelism = 32)
    {
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (id, _) =>
        {
            var grain = client.GetGrain<IServiceGrain>(id);
            await grain.ConfigureAsync(new TargetDefinition(id, 1, 20, 2, actuator));
            await grain.SetPolicyAsync(new PolicyDefinition("cpu", CpuPolicy));
        });
    }

    /// <summary>Samples held in the targets' CPU windows (the last hour): what ingestion has applied.</summary>
    public static async Task<long> AppliedSamplesAsync(IClusterClient client, IReadOnlyList<string> ids)
    {
        long total = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) =>
        {
            var metrics = await client.GetGrain<IServiceGrain>(id).GetMetricsAsync();
            var cpu = metrics.FirstOrDefault(m => m.Name == "cpu");
            if (cpu is not null && cpu.Aggregates.TryGetValue("count_1h", out var count))
            {
                Interlocked.Add(ref total, (long)count);
            }
        });
        return total;
    }
}
