using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Sizing;

/// <summary>
/// Prices a target's instances (the silo provides it from the configured sizes and the price model). The service grain
/// asks at activation and when the size grain reports a change; it never asks the size grain itself (that grain calls
/// the service grain during a change, so the reverse call could deadlock).
/// </summary>
public interface IInstancePricing
{
    /// <summary>The price of one instance of <paramref name="targetId"/> per hour: at <paramref name="applied"/> when the
    /// size grain changed the size, else at the configured size; null for a size-less target (priced by its unit price).</summary>
    public InstancePrice? PriceOf(string targetId, AppliedInstanceSize? applied);
}
