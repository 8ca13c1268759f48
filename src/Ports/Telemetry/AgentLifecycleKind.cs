namespace Autoscaler.Ports.Telemetry;

/// <summary>What happened to an agent of a pool (<c>{prefix}.{target}.lifecycle</c>).</summary>
public enum AgentLifecycleKind
{
    /// <summary>The agent started and can take work.</summary>
    Started,

    /// <summary>The agent stopped.</summary>
    Stopped,
}
