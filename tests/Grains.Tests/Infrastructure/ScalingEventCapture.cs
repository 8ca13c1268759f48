using System.Threading.Channels;
using Autoscaler.Ports.Events;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>The events a <see cref="CapturingScalingEventSink"/> saw while this capture was open.</summary>
public sealed class ScalingEventCapture(Action<ScalingEventCapture> close) : IDisposable
{
    private readonly Channel<ScalingEvent> _events = Channel.CreateUnbounded<ScalingEvent>();

    /// <summary>The captured events, in publication order.</summary>
    public ChannelReader<ScalingEvent> Reader => _events.Reader;

    public void Dispose()
    {
        close(this);
        _events.Writer.TryComplete();
    }

    internal void Offer(ScalingEvent scalingEvent) => _events.Writer.TryWrite(scalingEvent);
}
