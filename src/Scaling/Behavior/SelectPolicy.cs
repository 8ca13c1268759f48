namespace Autoscaler.Scaling.Behavior;

/// <summary>Which rate policy applies when several are given (Kubernetes <c>ScalingPolicySelect</c>).</summary>
public enum SelectPolicy
{
    /// <summary>The policy allowing the largest change.</summary>
    Max,

    /// <summary>The policy allowing the smallest change.</summary>
    Min,

    /// <summary>No change in this direction at all.</summary>
    Disabled,
}
