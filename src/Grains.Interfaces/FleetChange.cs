namespace Autoscaler.Grains.Interfaces;

/// <summary>What applying a fleet did (or, in a dry run, would do) to one target or scope.</summary>
/// <param name="Kind"><c>Target</c> or <c>Supervisor</c>.</param>
/// <param name="Name">The target id or scope name.</param>
/// <param name="Action"><c>create</c>, <c>update</c>, <c>unchanged</c> or <c>delete</c>.</param>
/// <param name="Fields">For an update, each field that changes (<c>max</c>, <c>policies.cpu</c>, <c>flags.enabled</c>).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.FleetChange")]
public sealed record FleetChange(string Kind, string Name, string Action, IReadOnlyList<FieldChange> Fields);
