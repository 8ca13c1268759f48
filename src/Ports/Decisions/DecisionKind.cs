namespace Autoscaler.Ports.Decisions;

/// <summary>What a <see cref="DecisionRecord"/> records; each kind's name is <see cref="DecisionKinds"/>'.</summary>
public enum DecisionKind
{
    /// <summary>A policy, schedule or fallback decided a capacity (possibly unchanged, possibly dry-run).</summary>
    Decision,

    /// <summary>An operator pinned the capacity.</summary>
    Manual,

    /// <summary>The actuator applied the decided capacity.</summary>
    Actuated,

    /// <summary>Applying the decided capacity failed.</summary>
    Failed,

    /// <summary>After a failure the last good capacity was kept.</summary>
    RolledBack,

    /// <summary>An evaluation that changed nothing (shown, never stored or published).</summary>
    NoChange,

    /// <summary>The actuator reported another capacity than the one in effect for longer than the target's drift limit.</summary>
    Drifted,

    /// <summary>A target's instance size (vCPU, memory per replica) was changed, or a change was tried; capacity unchanged.</summary>
    Resized,

    /// <summary>A budget action of the target's supervisor: a threshold announced, or the max capacity lowered or restored
    /// (capacity unchanged; the threshold and the max in the explanation).</summary>
    Budget,
}
