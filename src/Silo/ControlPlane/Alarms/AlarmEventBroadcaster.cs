using System.Threading.Channels;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Silo.ControlPlane.Alarms;

/// <summary>
/// Fans alarm state changes out to the API's event stream subscribers (each with a bounded buffer that drops its oldest
/// events, never blocking a grain) and to NATS <c>autoscaler.alarms.{alarm}</c> when NATS is configured.
/// </summary>
public sealed partial class AlarmEventBroadcaster(NatsConnectionHost nats, NatsAlarmEventSink natsSink, ILogger<AlarmEventBroadcaster> logger) : IAlarmEventSink
{
    private readonly Lock _lock = new();
    private Channel<AlarmRecord>[] _subscribers = [];

    /// <inheritdoc />
    public async ValueTask PublishAsync(AlarmRecord record, CancellationToken cancellationToken)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Writer.TryWrite(record);
        }

        if (!nats.Enabled)
        {
            return;
        }

        try
        {
            await natsSink.PublishAsync(record, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogNatsFailed(logger, record.Alarm, error);
        }
    }

    /// <summary>Subscribes with a buffer of <paramref name="capacity"/> events; dispose the result to leave.</summary>
    public Subscription Subscribe(int capacity)
    {
        var channel = Channel.CreateBounded<AlarmRecord>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _subscribers = [.. _subscribers, channel];
        }

        return new Subscription(this, channel);
    }

    private void Unsubscribe(Channel<AlarmRecord> channel)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => s != channel)];
        }

        channel.Writer.TryComplete();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Alarm}: state change not published on NATS")]
    private static partial void LogNatsFailed(ILogger logger, string alarm, Exception error);

    /// <summary>One subscriber's events.</summary>
    public sealed class Subscription(AlarmEventBroadcaster owner, Channel<AlarmRecord> channel) : IDisposable
    {
        /// <summary>The events, in publication order.</summary>
        public ChannelReader<AlarmRecord> Reader => channel.Reader;

        /// <inheritdoc />
        public void Dispose() => owner.Unsubscribe(channel);
    }
}
