namespace Autoscaler.Scaling.Behavior;

/// <summary>How a rate policy limits change (Kubernetes <c>HPAScalingPolicyType</c>).</summary>
public enum RatePolicyType
{
    /// <summary>At most this many instances per period.</summary>
    Pods,

    /// <summary>At most this percentage of the capacity at the period's start per period.</summary>
    Percent,
}
