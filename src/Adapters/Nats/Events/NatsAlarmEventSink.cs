using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>Publishes alarm state changes as JSON on <c>autoscaler.alarms.{alarm}</c> (<see cref="AlarmEventJson"/>). With
/// NATS disabled by configuration it drops them on purpose (the API's event stream still sees them).</summary>
public sealed class NatsAlarmEventSink(NatsConnectionHost host, IOptions<NatsAlarmEventOptions> options) : IAlarmEventSink
{
    private readonly string _prefix = options.Value.SubjectPrefix;

    /// <summary>The subject of <paramref name="alarm"/>'s events.</summary>
    public string SubjectFor(string alarm) => $"{_prefix}.{alarm}";

    /// <inheritdoc />
    public async ValueTask PublishAsync(AlarmRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!TelemetrySubject.IsValidTarget(record.Alarm))
        {
            throw new ArgumentException($"Alarm name '{record.Alarm}' cannot be a subject token.", nameof(record));
        }

        if (host.Connection is { } connection)
        {
            await connection.PublishAsync(SubjectFor(record.Alarm), AlarmEventJson.Serialize(record), cancellationToken: cancellationToken);
        }
    }
}
