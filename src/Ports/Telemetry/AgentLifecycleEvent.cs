namespace Autoscaler.Ports.Telemetry;

/// <summary>An agent of a pool started or stopped.</summary>
/// <param name="Source">The agent.</param>
/// <param name="Kind">Started or stopped.</param>
/// <param name="At">When it happened (the receive time when the sender gave none).</param>
public sealed record AgentLifecycleEvent(string Source, AgentLifecycleKind Kind, DateTimeOffset At);
