using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.ControlPlane.Events;

/// <summary>A further destination of every scaling event (NATS <c>autoscaler.events.{target}</c>, ...).</summary>
public interface IScalingEventForwarder
{
    /// <summary>Forwards one event; must not throw for transport trouble (count and log instead).</summary>
    public ValueTask ForwardAsync(DecisionRecord record, CancellationToken cancellationToken);
}
