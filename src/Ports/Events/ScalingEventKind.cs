namespace Autoscaler.Ports.Events;

/// <summary>The kind of a scaling event (JSON: <c>decision</c>, <c>actuated</c>, <c>failed</c>, <c>rolled-back</c>).</summary>
public enum ScalingEventKind
{
    /// <summary>A policy decided to change capacity (or would, in dry-run).</summary>
    Decision,

    /// <summary>The actuator applied the change.</summary>
    Actuated,

    /// <summary>The actuator failed to apply the change.</summary>
    Failed,

    /// <summary>A change was undone after a failure.</summary>
    RolledBack,
}
