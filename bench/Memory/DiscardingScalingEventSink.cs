using Autoscaler.Ports.Events;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>A scaling-event sink that keeps nothing (the silo's broadcaster holds nothing either without subscribers).</summary>
internal sealed class DiscardingScalingEventSink : IScalingEventSink
{
    public ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
