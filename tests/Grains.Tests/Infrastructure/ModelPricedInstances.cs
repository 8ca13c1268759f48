using System.Collections.Concurrent;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Sizing;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>The silo's instance pricing for the grain tests: sizes configured per target by the test, priced by the
/// optimiser's own <see cref="PriceModel.FargateUsEast1"/> (the same code the silo's pricing calls).</summary>
public sealed class ModelPricedInstances : IInstancePricing
{
    private readonly ConcurrentDictionary<string, (InstanceSize Size, double SpotShare)> _configured = new(StringComparer.Ordinal);

    /// <summary>Configures <paramref name="targetId"/> at <paramref name="vcpu"/> / <paramref name="memoryGiB"/>.</summary>
    public void Configure(string targetId, double vcpu, double memoryGiB, double spotShare = 0) =>
        _configured[targetId] = (new InstanceSize(vcpu, memoryGiB), spotShare);

    /// <summary>While set, pricing this target throws (the target's size report then fails).</summary>
    public string? Failing { get; set; }

    /// <inheritdoc />
    public InstancePrice? PriceOf(string targetId, AppliedInstanceSize? applied)
    {
        if (targetId == Failing && applied is not null)
        {
            throw new InvalidOperationException("pricing unavailable");
        }

        var known = _configured.TryGetValue(targetId, out var c) ? c : ((InstanceSize, double)?)null;
        InstanceSize? size = applied is { } a ? new InstanceSize(a.Vcpu, a.MemoryGiB) : known?.Item1;
        if (size is not { } priced)
        {
            return null;
        }

        var spotShare = known?.Item2 ?? 0;
        return new InstancePrice(priced.Vcpu, priced.MemoryGiB, Math.Round((decimal)PriceModel.FargateUsEast1.InstanceHourlyPrice(priced, spotShare), 8),
            applied is null ? "configured" : "applied", spotShare);
    }
}
