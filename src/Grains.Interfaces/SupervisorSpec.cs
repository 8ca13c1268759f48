namespace Autoscaler.Grains.Interfaces;

/// <summary>A supervisor scope as declared: its limits, and optionally its switches (null leaves a switch as it is:
/// turning scaling off in an incident is an operator's action, not configuration).</summary>
/// <param name="Scope">The scope name.</param>
/// <param name="Limits">Total capacity and monthly budget.</param>
/// <param name="Enabled">The scope's global switch, or null.</param>
/// <param name="DryRun">The scope's dry-run switch, or null.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.SupervisorSpec")]
public sealed record SupervisorSpec(string Scope, SupervisorLimits Limits, bool? Enabled = null, bool? DryRun = null);
