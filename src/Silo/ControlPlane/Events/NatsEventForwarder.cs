using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Ports.Events;

namespace Autoscaler.Silo.ControlPlane.Events;

/// <summary>Forwards every scaling event to NATS <c>autoscaler.events.{target}</c> when NATS is configured.</summary>
internal sealed class NatsEventForwarder(NatsConnectionHost nats, NatsScalingEventSink sink) : IScalingEventForwarder
{
    public async ValueTask ForwardAsync(ScalingEvent scalingEvent, CancellationToken cancellationToken)
    {
        if (nats.Enabled)
        {
            await sink.PublishAsync(scalingEvent, cancellationToken);
        }
    }
}
