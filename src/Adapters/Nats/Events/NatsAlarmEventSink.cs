using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>Publishes alarm state changes as JSON on <c>autoscaler.alarms.{alarm}</c> (<see cref="AlarmEventJson"/>). With
/// NATS disabled by configuration it drops them on purpose (the API's event stream still sees them).</summary>
public sealed class NatsAlarmEventSink(NatsConnectionHost host, IOptions<NatsAlarmEventOptions> options) : IAlarmEventSink
{
    private readonly EventSubjectPublisher _publisher = new(host, options.Value.SubjectPrefix, "Alarm name");

    /// <summary>The subject of <paramref name="alarm"/>'s events.</summary>
    public string SubjectFor(string alarm) => _publisher.SubjectFor(alarm);

    /// <inheritdoc />
    public ValueTask PublishAsync(AlarmRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _publisher.PublishAsync(record.Alarm, () => AlarmEventJson.Serialize(record), cancellationToken);
    }
}
