namespace Autoscaler.Ports.History;

/// <summary>What a history entry records.</summary>
public enum ScalingHistoryKind
{
    /// <summary>A policy or schedule decided a capacity (possibly unchanged, possibly dry-run).</summary>
    Decision,

    /// <summary>An actuator applied a capacity change.</summary>
    Actuated,

    /// <summary>Applying a change failed.</summary>
    Failed,

    /// <summary>A failed or unhealthy change was undone.</summary>
    RolledBack,

    /// <summary>An operator set the capacity by hand.</summary>
    Manual,
}
