namespace Autoscaler.Grains.Interfaces;

/// <summary>Scope-wide switches and limits a supervisor enforces.</summary>
/// <param name="Enabled">Global on/off: when off, no target in the scope is actuated.</param>
/// <param name="DryRun">Every target in the scope decides and publishes but never actuates.</param>
/// <param name="Limits">Total capacity and monthly budget across the scope.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.SupervisorSettings")]
public sealed record SupervisorSettings(bool Enabled, bool DryRun, SupervisorLimits Limits)
{
    /// <summary>Enabled, not dry-run, no limits.</summary>
    public static SupervisorSettings Default { get; } = new(true, false, SupervisorLimits.None);
}
