using System.Threading.Channels;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>The events a <see cref="CapturingScalingEventSink"/> saw while this capture was open.</summary>
public sealed class ScalingEventCapture(Action<ScalingEventCapture> close) : IDisposable
{
    private readonly Channel<DecisionRecord> _events = Channel.CreateUnbounded<DecisionRecord>();

    /// <summary>The captured events, in publication order.</summary>
    public ChannelReader<DecisionRecord> Reader => _events.Reader;

    public void Dispose()
    {
        close(this);
        _events.Writer.TryComplete();
    }

    internal void Offer(DecisionRecord record) => _events.Writer.TryWrite(record);
}
