using Autoscaler.Scaling.Supervision;

namespace Autoscaler.Grains.Interfaces;

/// <summary>A supervisor's verdict on a capacity change.</summary>
/// <param name="Grant">The capacity granted and which limit, if any, trimmed it.</param>
/// <param name="Enabled">False when scaling is globally disabled for the scope: nothing may be actuated.</param>
/// <param name="DryRun">True when the scope is in dry-run: decide and publish, never actuate.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.ScaleApproval")]
public sealed record ScaleApproval(CapacityGrant Grant, bool Enabled, bool DryRun)
{
    /// <summary>True when the change may be applied.</summary>
    public bool MayActuate => Enabled && !DryRun;
}
