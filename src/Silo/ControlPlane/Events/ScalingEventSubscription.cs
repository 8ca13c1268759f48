using System.Threading.Channels;
using Autoscaler.Ports.Events;

namespace Autoscaler.Silo.ControlPlane.Events;

/// <summary>One subscriber's bounded buffer of scaling events.</summary>
public sealed class ScalingEventSubscription : IDisposable
{
    private readonly ScalingEventBroadcaster _owner;
    private readonly Channel<ScalingEvent> _channel;
    private long _dropped;

    internal ScalingEventSubscription(ScalingEventBroadcaster owner, int capacity)
    {
        _owner = owner;
        _channel = Channel.CreateBounded<ScalingEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Events dropped because this subscriber fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The events, in publication order.</summary>
    public ChannelReader<ScalingEvent> Reader => _channel.Reader;

    public void Dispose()
    {
        _owner.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Offer(ScalingEvent scalingEvent) => _channel.Writer.TryWrite(scalingEvent);
}
