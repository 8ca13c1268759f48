using Autoscaler.Ports.Decisions;

namespace Autoscaler.Ports.Events;

/// <summary>Publishes decisions and their outcomes as scaling events to the outside world (NATS, the SSE stream, …).</summary>
public interface IScalingEventSink
{
    /// <summary>Publishes one record as an event (<see cref="DecisionEventJson"/>); completes when it is handed to the transport.</summary>
    public ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken);
}
