namespace Autoscaler.Silo.ControlPlane.Events.Stream;

/// <summary>
/// Hands each event-stream frame to every connected client that follows its target: one serialisation per event
/// (<see cref="EventFrames"/>), one bounded queue per client (<see cref="EventStreamFeed"/>), one writer per
/// connection. Publishing walks an immutable array of feeds and never waits, whatever the clients do.
/// </summary>
public sealed class EventStreamFanout
{
    private readonly Lock _lock = new();
    private EventStreamFeed[] _feeds = [];

    /// <summary>Clients connected now.</summary>
    public int Count => Volatile.Read(ref _feeds).Length;

    /// <summary>Connects a client following <paramref name="target"/> (null: every target); dispose the feed to leave.</summary>
    public EventStreamFeed Subscribe(string? target, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var feed = new EventStreamFeed(this, target, capacity);
        lock (_lock)
        {
            _feeds = [.. _feeds, feed];
        }

        return feed;
    }

    /// <summary>Queues <paramref name="frame"/> for every client following its target (a frame without a target: all).</summary>
    public void Publish(EventFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        foreach (var feed in Volatile.Read(ref _feeds))
        {
            if (frame.Target is null || feed.Target is null || feed.Target == frame.Target)
            {
                feed.Offer(frame);
            }
        }
    }

    /// <summary>Queues the keep-alive comment for every client with nothing queued (a busy client needs none).</summary>
    public void Heartbeat()
    {
        foreach (var feed in Volatile.Read(ref _feeds))
        {
            if (feed.Queued == 0)
            {
                feed.Offer(EventFrames.Ping);
            }
        }
    }

    internal void Remove(EventStreamFeed feed)
    {
        lock (_lock)
        {
            _feeds = [.. _feeds.Where(f => f != feed)];
        }
    }
}
