namespace Autoscaler.Grains.Interfaces;

/// <summary>A fleet as declared (the <c>apply</c> of configuration files, bulk registration): targets with their
/// policies, and supervisor scopes.</summary>
/// <param name="Targets">Targets to create or update.</param>
/// <param name="Supervisors">Scopes whose limits to set.</param>
/// <param name="Prune">Also delete every registered target the spec does not name.</param>
/// <param name="DryRun">Only say what would change.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.FleetSpec")]
public sealed record FleetSpec(
    IReadOnlyList<TargetSpec> Targets,
    IReadOnlyList<SupervisorSpec> Supervisors,
    bool Prune = false,
    bool DryRun = false);
