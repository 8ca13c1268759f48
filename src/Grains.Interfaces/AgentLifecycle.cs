namespace Autoscaler.Grains.Interfaces;

/// <summary>An agent's lifecycle message (<c>{prefix}.{target}.lifecycle</c>): <c>started</c> or <c>stopped</c>.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.AgentLifecycle")]
public sealed record AgentLifecycle(string Source, string Event, DateTimeOffset At)
{
    /// <summary>The agent announced itself.</summary>
    public const string Started = "started";

    /// <summary>The agent left on purpose (not counted as missing).</summary>
    public const string Stopped = "stopped";
}
