namespace Autoscaler.Grains.Interfaces;

/// <summary>The outcome of applying a fleet: when <see cref="Errors"/> is not empty nothing was changed, and each key
/// names the field at fault (<c>targets[3].max</c>, <c>targets[0].policies[1].steps[2].lower</c>, <c>supervisors[0].monthlyBudget</c>).</summary>
/// <param name="Changes">Per target and scope, what was (or would be) done.</param>
/// <param name="Errors">Field → messages.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.FleetResult")]
public sealed record FleetResult(IReadOnlyList<FleetChange> Changes, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>True when the spec was valid.</summary>
    public bool Succeeded => Errors.Count == 0;
}
