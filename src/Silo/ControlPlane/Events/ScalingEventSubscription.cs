using System.Threading.Channels;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.ControlPlane.Events;

/// <summary>One subscriber's bounded buffer of scaling events.</summary>
public sealed class ScalingEventSubscription : IDisposable
{
    private readonly ScalingEventBroadcaster _owner;
    private readonly Channel<DecisionRecord> _channel;
    private long _dropped;

    internal ScalingEventSubscription(ScalingEventBroadcaster owner, int capacity)
    {
        _owner = owner;
        _channel = Channel.CreateBounded<DecisionRecord>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Events dropped because this subscriber fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The events, in publication order.</summary>
    public ChannelReader<DecisionRecord> Reader => _channel.Reader;

    public void Dispose()
    {
        _owner.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Offer(DecisionRecord record) => _channel.Writer.TryWrite(record);
}
