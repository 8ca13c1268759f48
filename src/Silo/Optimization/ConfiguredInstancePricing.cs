using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Sizing;
using Autoscaler.Optimization.Sizing;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// Prices a target's instances with the optimiser's own price model (<c>Optimization</c> prices, the target's
/// <c>SpotShare</c>): the applied size when the size grain changed it, else <c>Optimization:Targets:{id}:Vcpu/MemoryGiB</c>;
/// a target with neither keeps its unit price.
/// </summary>
internal sealed class ConfiguredInstancePricing(IOptionsMonitor<CostOptimizationOptions> options) : IInstancePricing
{
    /// <inheritdoc />
    public InstancePrice? PriceOf(string targetId, AppliedInstanceSize? applied)
    {
        var current = options.CurrentValue;
        var target = current.Targets.GetValueOrDefault(targetId);
        var (size, source) = applied is { } a ? (new InstanceSize(a.Vcpu, a.MemoryGiB), "applied")
            : target?.Size is { } configured ? (configured, "configured")
            : (default(InstanceSize?), "none");
        if (size is not { } priced)
        {
            return null;
        }

        var spotShare = target?.SpotShare ?? 0;
        var hourly = current.Prices.InstanceHourlyPrice(priced, spotShare);
        return new InstancePrice(priced.Vcpu, priced.MemoryGiB, Math.Round((decimal)hourly, 8), source, spotShare);
    }
}
