using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.ControlPlane.Events;

/// <summary>
/// Fans scaling events out to in-process subscribers (the API's server-sent-events stream, SDK observers) and to any
/// further sinks (NATS). A slow subscriber loses its oldest events, never blocks a grain; its drop count is kept.
/// </summary>
public sealed class ScalingEventBroadcaster(IEnumerable<IScalingEventForwarder> forwarders) : IScalingEventSink
{
    private readonly IScalingEventForwarder[] _forwarders = [.. forwarders];
    private readonly Lock _lock = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    /// <summary>Subscribers right now.</summary>
    public int SubscriberCount => _subscribers.Items.Length;

    public async ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        foreach (var subscriber in _subscribers.Items)
        {
            subscriber.Offer(record);
        }

        foreach (var forwarder in _forwarders)
        {
            await forwarder.ForwardAsync(record, cancellationToken);
        }
    }

    /// <summary>Subscribes; dispose the subscription to leave. <paramref name="capacity"/> events are buffered.</summary>
    public ScalingEventSubscription Subscribe(int capacity = 256)
    {
        var subscription = new ScalingEventSubscription(this, capacity);
        lock (_lock)
        {
            _subscribers = new ImmutableSubscribers([.. _subscribers.Items, subscription]);
        }

        return subscription;
    }

    internal void Unsubscribe(ScalingEventSubscription subscription)
    {
        lock (_lock)
        {
            _subscribers = new ImmutableSubscribers([.. _subscribers.Items.Where(s => s != subscription)]);
        }
    }

    private sealed record ImmutableSubscribers(ScalingEventSubscription[] Items)
    {
        public static ImmutableSubscribers Empty { get; } = new([]);
    }
}
