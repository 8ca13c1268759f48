using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>
/// Publishes scaling events as JSON on <c>autoscaler.events.{target}</c>. With NATS disabled by configuration it drops
/// events on purpose (other sinks, such as the SSE stream, still see them).
/// </summary>
public sealed class NatsScalingEventSink(NatsConnectionHost host, IOptions<NatsScalingEventOptions> options) : IScalingEventSink
{
    private readonly EventSubjectPublisher _publisher = new(host, options.Value.SubjectPrefix, "Target id");

    /// <summary>The subject an event for <paramref name="target"/> is published on.</summary>
    public string SubjectFor(string target) => _publisher.SubjectFor(target);

    /// <inheritdoc />
    public ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _publisher.PublishAsync(record.Target, () => DecisionEventJson.Serialize(record), cancellationToken);
    }
}
