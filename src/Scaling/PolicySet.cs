using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;

namespace Autoscaler.Scaling;

/// <summary>A target's scaling configuration: policies, behavior and the safety extensions. Grains keep one per target.</summary>
/// <param name="Policies">The policies, in document order.</param>
public sealed record PolicySet(IReadOnlyList<ScalingPolicy> Policies)
{
    /// <summary>Stabilization and rate limits; Kubernetes defaults unless given.</summary>
    public ScalingBehavior Behavior { get; init; } = ScalingBehavior.Default;

    /// <summary>How proposals combine.</summary>
    public Consensus Consensus { get; init; } = Consensus.Default;

    /// <summary>Suspended kinds of scaling.</summary>
    public SuspendedState Suspend { get; init; } = SuspendedState.None;

    /// <summary>Scale to/from zero on activation thresholds; null to disable.</summary>
    public ScaleToZero? ScaleToZero { get; init; }

    /// <summary>Capacity to use when metrics stay unavailable; null to disable.</summary>
    public FallbackRule? Fallback { get; init; }

    /// <summary>A manual capacity that wins until it expires; null for none.</summary>
    public ManualOverride? Override { get; init; }
}
