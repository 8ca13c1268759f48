namespace Autoscaler.Grains.Interfaces;

/// <summary>A target as declared: its definition and, when given, its whole policy set (policies not listed are
/// removed; null leaves the policies as they are).</summary>
/// <param name="Definition">The definition.</param>
/// <param name="Policies">Every policy of the target in evaluation order, or null.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetSpec")]
public sealed record TargetSpec(TargetDefinition Definition, IReadOnlyList<PolicyDefinition>? Policies = null);
