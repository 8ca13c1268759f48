using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Events;

/// <summary>Keeps client subscriptions in memory with an expiry (as Orleans' ObserverManager does) and forwards each
/// published event one-way, so a slow or vanished client never holds up a service grain.</summary>
public sealed class ScalingEventHubGrain(TimeProvider clock) : Grain, IScalingEventHubGrain
{
    private readonly Dictionary<IScalingEventObserver, (string? Target, DateTimeOffset Expires)> _subscriptions = [];

    public Task SubscribeAsync(IScalingEventObserver observer, string? target)
    {
        _subscriptions[observer] = (target, clock.GetUtcNow() + IScalingEventHubGrain.SubscriptionLifetime);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IScalingEventObserver observer)
    {
        _subscriptions.Remove(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(DecisionRecord record)
    {
        var now = clock.GetUtcNow();
        foreach (var (observer, (target, expires)) in _subscriptions.ToList())
        {
            if (expires <= now)
            {
                _subscriptions.Remove(observer);
            }
            else if (target is null || target == record.Target)
            {
                observer.OnScalingEventAsync(record).Ignore();
            }
        }

        return Task.CompletedTask;
    }
}
