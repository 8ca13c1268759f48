using Autoscaler.Ports.Decisions;
using Orleans.Concurrency;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// Fans scaling events out to client observers (key: <see cref="Key"/>). Subscriptions expire unless renewed, so a
/// client that vanished without unsubscribing is forgotten; subscribers renew well within <see cref="SubscriptionLifetime"/>.
/// Subscriptions live in memory: after a deactivation the next renewal restores them.
/// </summary>
[Alias("autoscaler.IScalingEventHubGrain")]
public interface IScalingEventHubGrain : IGrainWithStringKey
{
    /// <summary>The one hub's key.</summary>
    public const string Key = "default";

    /// <summary>How long a subscription lasts without renewal.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Adds or renews a subscription; <paramref name="target"/> null means every target.</summary>
    [Alias("Subscribe")]
    public Task SubscribeAsync(IScalingEventObserver observer, string? target);

    /// <summary>Removes a subscription (no error when absent).</summary>
    [Alias("Unsubscribe")]
    public Task UnsubscribeAsync(IScalingEventObserver observer);

    /// <summary>Delivers <paramref name="record"/> to every live subscription that matches its target.</summary>
    [Alias("Publish"), OneWay]
    public Task PublishAsync(DecisionRecord record);
}
