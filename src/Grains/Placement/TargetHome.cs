using Autoscaler.Grains.KeepAlive;

namespace Autoscaler.Grains.Placement;

/// <summary>
/// Which silo is a target's home: the same rendezvous hashing the keep-alive sweep partitions targets with
/// (<see cref="SweepPartition"/>), so the silo that keeps a target alive is the silo that hosts it.
/// </summary>
public static class TargetHome
{
    /// <summary>The target a grain key belongs to: the key itself, or what precedes the first <c>/</c> (a policy grain is
    /// keyed <c>target/policy</c>; target ids never contain one).</summary>
    public static string TargetOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[..slash];
    }

    /// <summary>The home of the target <paramref name="target"/> among <paramref name="silos"/> (at least one).</summary>
    public static SiloAddress Of(string target, IReadOnlyList<SiloAddress> silos)
    {
        ArgumentNullException.ThrowIfNull(silos);
        if (silos.Count == 0)
        {
            throw new ArgumentException("at least one silo is needed", nameof(silos));
        }

        var names = silos.Select(s => s.ToParsableString()).ToList();
        return silos[names.IndexOf(SweepPartition.OwnerOf(target, names))];
    }
}
