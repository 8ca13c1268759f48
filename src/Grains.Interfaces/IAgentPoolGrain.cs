using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// The agents reporting into one pool (key: the pool's target id): register, heartbeat (any sample), leave. Derives the
/// pool metrics policies scale on and accrues agent-hours for cost per agent-hour. Its service grain feeds it.
/// </summary>
[Alias("autoscaler.IAgentPoolGrain")]
public interface IAgentPoolGrain : IGrainWithStringKey
{
    /// <summary>Records samples as heartbeats and returns the derived metrics after them.</summary>
    [Alias("Observe")]
    public Task<IReadOnlyDictionary<string, double>> ObserveAsync([Immutable] IReadOnlyList<TelemetrySample> samples, int stalenessSeconds);

    /// <summary>Records a <c>started</c> or <c>stopped</c> message.</summary>
    [Alias("Lifecycle")]
    public Task LifecycleAsync(AgentLifecycleEvent lifecycle);

    /// <summary>The pool's agents and derived metrics now.</summary>
    [Alias("GetStatus")]
    public Task<AgentPoolStatus> GetStatusAsync(int stalenessSeconds);
}
