using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.ControlPlane.Events;

/// <summary>Forwards every scaling event to NATS <c>autoscaler.events.{target}</c> when NATS is configured.</summary>
internal sealed class NatsEventForwarder(NatsConnectionHost nats, NatsScalingEventSink sink) : IScalingEventForwarder
{
    public async ValueTask ForwardAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        if (nats.Enabled)
        {
            await sink.PublishAsync(record, cancellationToken);
        }
    }
}
