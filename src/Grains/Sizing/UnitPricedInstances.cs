using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Sizing;

/// <summary>The pricing when the host configures no price model: every target keeps its unit price.</summary>
public sealed class UnitPricedInstances : IInstancePricing
{
    /// <inheritdoc />
    public InstancePrice? PriceOf(string targetId, AppliedInstanceSize? applied) => null;
}
