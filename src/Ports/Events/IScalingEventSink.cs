namespace Autoscaler.Ports.Events;

/// <summary>Publishes scaling events to the outside world (NATS, the SSE stream, …).</summary>
public interface IScalingEventSink
{
    /// <summary>Publishes one event; completes when the event is handed to the transport.</summary>
    public ValueTask PublishAsync(ScalingEvent scalingEvent, CancellationToken cancellationToken);
}
