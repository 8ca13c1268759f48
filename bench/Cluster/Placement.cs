using Orleans.Runtime;

namespace Autoscaler.Cluster.Benchmarks;

/// <summary>Target (service grain) activations per live silo, from Orleans' management grain: counted without calling
/// (and so without activating) any target.</summary>
internal static class Placement
{
    public static async Task<IReadOnlyDictionary<string, int>> TargetsPerSiloAsync(IClusterClient cluster)
    {
        var management = cluster.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var names = hosts.ToDictionary(h => h.SiloAddress, h => h.SiloName);
        var statistics = await management.GetSimpleGrainStatistics();
        var counts = names.Values.ToDictionary(n => n, _ => 0);
        // The type may read "Namespace.ServiceGrain,Assembly" or the grain type's short name ("service").
        foreach (var s in statistics.Where(s => s.GrainType.Split(',')[0].EndsWith(".ServiceGrain", StringComparison.Ordinal) || s.GrainType == "service"))
        {
            var name = names.TryGetValue(s.SiloAddress, out var n) ? n : s.SiloAddress.ToString();
            counts[name] = counts.GetValueOrDefault(name) + s.ActivationCount;
        }

        return counts;
    }

    /// <summary>Each silo's deviation from an even share of <paramref name="targets"/>, in percent (+ above, - below).</summary>
    public static IReadOnlyDictionary<string, double> DeviationPercent(IReadOnlyDictionary<string, int> counts, int targets)
    {
        var even = counts.Count == 0 ? 0 : targets / (double)counts.Count;
        return counts.ToDictionary(c => c.Key, c => even == 0 ? 0 : Math.Round((c.Value - even) / even * 100, 1));
    }

    /// <summary>Largest deviation of a silo's count from the mean, in percent of the mean.</summary>
    public static double ImbalancePercent(IReadOnlyDictionary<string, int> counts)
    {
        var mean = counts.Values.Average();
        return mean == 0 ? 0 : Math.Round(counts.Values.Max(c => Math.Abs(c - mean)) / mean * 100, 1);
    }
}
