namespace Autoscaler.Grains.KeepAlive;

/// <summary>
/// Which live silo keeps which grain alive: rendezvous (highest random weight) hashing of the grain's id against each
/// silo's name. Every id has exactly one owner among the silos given; when a silo leaves, only its own ids move (each to
/// the silo with the next highest weight), and every silo computes the same answer from the same membership.
/// </summary>
public static class SweepPartition
{
    /// <summary>The owner of <paramref name="id"/> among <paramref name="silos"/> (names, in any order; at least one).</summary>
    public static string OwnerOf(string id, IReadOnlyCollection<string> silos)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(silos);
        if (silos.Count == 0)
        {
            throw new ArgumentException("at least one silo is needed", nameof(silos));
        }

        string? owner = null;
        var best = 0UL;
        foreach (var silo in silos)
        {
            var weight = Weight(silo, id);
            if (owner is null || weight > best || (weight == best && string.CompareOrdinal(silo, owner) < 0))
            {
                owner = silo;
                best = weight;
            }
        }

        return owner!;
    }

    /// <summary>FNV-1a (64 bit) over the silo name, a separator and the id, then a final mix: stable across processes and
    /// runtimes (unlike <see cref="string.GetHashCode()"/>).</summary>
    private static ulong Weight(string silo, string id)
    {
        const ulong prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        foreach (var c in silo)
        {
            hash = (hash ^ c) * prime;
        }

        hash = (hash ^ 0xFFFF) * prime;
        foreach (var c in id)
        {
            hash = (hash ^ c) * prime;
        }

        // splitmix64's finaliser: FNV's low bits alone spread ids that differ in their last character poorly.
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
