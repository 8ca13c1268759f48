using Orleans.Runtime;

namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>
/// Which states the previous provider's <c>OrleansStorage</c> table holds for this service, read once: for a grain with
/// a string key (every autoscaler grain) the exact (state name, key) pairs, so a state created after the upgrade is not
/// looked up there; a grain with a Guid or integer key is looked up whenever the table holds anything.
/// </summary>
internal sealed class LegacyIndex(HashSet<(string State, string Key)> stringKeyed, bool any)
{
    /// <summary>Nothing stored by the previous provider.</summary>
    public static LegacyIndex Empty { get; } = new([], false);

    /// <summary>Whether the previous provider may hold <paramref name="stateName"/> of <paramref name="grainId"/>.</summary>
    public bool MayHold(string stateName, GrainId grainId) =>
        any && (grainId.TryGetGuidKey(out _, out _) || grainId.TryGetIntegerKey(out _, out _) || stringKeyed.Contains((stateName, grainId.Key.ToString())));
}
