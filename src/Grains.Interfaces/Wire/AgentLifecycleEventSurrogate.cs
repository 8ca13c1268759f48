using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>How an <see cref="AgentLifecycleEvent"/> crosses the grain wire.</summary>
[GenerateSerializer, Alias("autoscaler.AgentLifecycleEvent")]
internal struct AgentLifecycleEventSurrogate
{
    [Id(0)]
    public string Source;

    [Id(1)]
    public AgentLifecycleKind Kind;

    [Id(2)]
    public DateTimeOffset At;
}
