namespace Autoscaler.Ports.Alarms;

/// <summary>Publishes alarm state changes (NATS <c>autoscaler.alarms.{alarm}</c>, the API's event stream).</summary>
public interface IAlarmEventSink
{
    /// <summary>Publishes one state change (<see cref="AlarmEventJson"/>); must not throw for transport trouble.</summary>
    public ValueTask PublishAsync(AlarmRecord record, CancellationToken cancellationToken);
}
