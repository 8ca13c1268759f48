using System.Buffers;
using System.Threading.Channels;

namespace Autoscaler.Silo.ControlPlane.Events.Stream;

/// <summary>
/// One client's bounded queue of frames (shared bytes: a queued event costs the client a reference, not a copy). When
/// the client falls <see cref="Capacity"/> frames behind, the oldest frame is dropped and counted; the next drain tells
/// the client how many it missed (<see cref="EventFrames.WriteDropped"/>). Offering never waits, so a slow client
/// never delays the publisher or the other clients. One reader: the connection's writer.
/// </summary>
public sealed class EventStreamFeed : IDisposable
{
    private readonly EventStreamFanout _owner;
    private readonly Channel<EventFrame> _channel;
    private long _dropped;
    private long _reported;

    internal EventStreamFeed(EventStreamFanout owner, string? target, int capacity)
    {
        _owner = owner;
        Target = target;
        Capacity = capacity;
        _channel = Channel.CreateBounded<EventFrame>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>The target this client follows; null for every target.</summary>
    public string? Target { get; }

    /// <summary>Most frames queued for this client.</summary>
    public int Capacity { get; }

    /// <summary>Frames queued now.</summary>
    public int Queued => _channel.Reader.Count;

    /// <summary>Frames dropped because this client fell behind, since it connected.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Waits until a frame is queued; false once the feed is closed.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>
    /// Writes every queued frame to <paramref name="output"/> in order, preceded by a <c>dropped</c> message when frames
    /// were lost since the last drain; returns the number of frames written.
    /// </summary>
    public int Drain(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var written = 0;
        while (_channel.Reader.TryRead(out var frame))
        {
            if (written == 0)
            {
                ReportDropped(output);
            }

            output.Write(frame.Bytes.Span);
            written++;
        }

        return written;
    }

    /// <summary>Leaves the fan-out and closes the feed.</summary>
    public void Dispose()
    {
        _owner.Remove(this);
        _channel.Writer.TryComplete();
    }

    internal void Offer(EventFrame frame) => _channel.Writer.TryWrite(frame);

    private void ReportDropped(IBufferWriter<byte> output)
    {
        var dropped = Dropped;
        if (dropped > _reported)
        {
            EventFrames.WriteDropped(output, dropped - _reported);
            _reported = dropped;
        }
    }
}
