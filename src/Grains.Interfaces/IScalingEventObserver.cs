using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Interfaces;

/// <summary>Receives scaling events from <see cref="IScalingEventHubGrain"/> (client SDK subscriptions).</summary>
[Alias("autoscaler.IScalingEventObserver")]
public interface IScalingEventObserver : IGrainObserver
{
    /// <summary>One decision, actuation, failure or rollback of a target.</summary>
    [Alias("OnScalingEvent"), Orleans.Concurrency.OneWay]
    public Task OnScalingEventAsync(DecisionRecord record);
}
