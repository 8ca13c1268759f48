namespace Autoscaler.Grains.Interfaces;

/// <summary>Switches on one target.</summary>
/// <param name="Enabled">False: the target is watched and evaluated but never actuated.</param>
/// <param name="DryRun">Decide and publish, never actuate.</param>
/// <param name="SuspendScaleIn">Dynamic policies may not scale in.</param>
/// <param name="SuspendScaleOut">Dynamic policies may not scale out.</param>
/// <param name="SuspendScheduled">Scheduled actions do not run.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.ScalingFlags")]
public sealed record ScalingFlags(bool Enabled = true, bool DryRun = false, bool SuspendScaleIn = false, bool SuspendScaleOut = false, bool SuspendScheduled = false);
