using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>
/// The grain tests' scaling-event sink: a test subscribes, and every event published while its capture is open can
/// be read from it, in publication order (nothing is dropped). Without captures events are discarded.
/// </summary>
public sealed class CapturingScalingEventSink : IScalingEventSink
{
    private readonly Lock _lock = new();
    private ScalingEventCapture[] _captures = [];

    /// <summary>Starts capturing; dispose the capture to stop.</summary>
    public ScalingEventCapture Subscribe()
    {
        var capture = new ScalingEventCapture(Remove);
        lock (_lock)
        {
            _captures = [.. _captures, capture];
        }

        return capture;
    }

    public ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        foreach (var capture in Volatile.Read(ref _captures))
        {
            capture.Offer(record);
        }

        return ValueTask.CompletedTask;
    }

    private void Remove(ScalingEventCapture capture)
    {
        lock (_lock)
        {
            _captures = [.. _captures.Where(c => c != capture)];
        }
    }
}
