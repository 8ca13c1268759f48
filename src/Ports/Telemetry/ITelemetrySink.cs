namespace Autoscaler.Ports.Telemetry;

/// <summary>
/// Where validated telemetry goes (implemented by the grains side). Calls for one target never overlap and arrive in
/// receive order; calls for different targets run concurrently. A slow sink only fills that target's bounded queue.
/// </summary>
public interface ITelemetrySink
{
    /// <summary>
    /// Delivers a batch of samples for <paramref name="target"/>. The memory is reused after the returned task completes:
    /// copy what must outlive the call (the sample records themselves may be kept).
    /// </summary>
    public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken);

    /// <summary>Delivers an agent lifecycle event for <paramref name="target"/>, in order with its samples.</summary>
    public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken);
}
