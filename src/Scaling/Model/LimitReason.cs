namespace Autoscaler.Scaling.Model;

/// <summary>What held the decision away from the combined proposal (the contract's <c>limitedBy</c>).</summary>
public enum LimitReason
{
    /// <summary>The scale-up rate limit.</summary>
    ScaleUpLimit,

    /// <summary>The scale-down rate limit.</summary>
    ScaleDownLimit,

    /// <summary>Clamped to max.</summary>
    TooManyReplicas,

    /// <summary>Clamped to min.</summary>
    TooFewReplicas,

    /// <summary>A policy's cooldown held scale-in back.</summary>
    Cooldown,

    /// <summary>The stabilization window held the recommendation.</summary>
    Stabilized,

    /// <summary>Scaling is disabled (current 0 with min above 0, or selectPolicy Disabled).</summary>
    Disabled,

    /// <summary>A suspended kind of scaling held the change back.</summary>
    Suspended,

    /// <summary>A manual override set the capacity.</summary>
    ManualOverride,

    /// <summary>Missing data held scale-in back.</summary>
    NoData,

    /// <summary>
    /// The target's host had no room for part of a scale-out (the Compose host guard). The engine never sets it: the
    /// actuator reports it after reading the host, and the decision's outcome carries it.
    /// </summary>
    HostCapacity,
}
