using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Services.Status;
using Autoscaler.Grains.Sizing;

namespace Autoscaler.Grains.Services.Upkeep;

/// <summary>
/// The price a target's instances are charged at: priced by <see cref="IInstancePricing"/> at activation (the applied
/// size kept in state, else the configured one) and again when the size grain reports a change. A change first charges
/// the time so far at the old price, then keeps the new size in state (restored as it was if the write fails, so the
/// size grain tries again) and tells the supervisor the new per-instance price for its budget.
/// </summary>
internal sealed class TargetPricing(LiveTarget target, ITargetStore store, IInstancePricing pricing, TargetUpkeep upkeep)
{
    /// <summary>Prices <paramref name="target"/> as loaded and returns its pricing.</summary>
    public static TargetPricing Load(LiveTarget target, ITargetStore store, IInstancePricing pricing, TargetUpkeep upkeep)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pricing);
        target.Price = pricing.PriceOf(target.Id, target.AppliedSize);
        return new TargetPricing(target, store, pricing, upkeep);
    }

    /// <summary>Applies a size the platform accepted at <paramref name="now"/>; a repeated or older report, or one for a
    /// target no longer registered, changes nothing.</summary>
    public async Task<TargetStatus> SizeAppliedAsync(AppliedInstanceSize size, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (target.Definition is null || (target.AppliedSize is { } known && (known == size || size.At < known.At)))
        {
            return TargetStatusView.Of(target, now);
        }

        var priced = pricing.PriceOf(target.Id, size);
        var (cost, price, applied) = (target.Cost, target.Price, target.AppliedSize);
        target.AccrueCost(now); // the time so far at the price it ran at
        target.AppliedSize = size;
        target.Price = priced;
        try
        {
            await store.WriteAsync();
        }
        catch
        {
            (target.Cost, target.Price, target.AppliedSize) = (cost, price, applied);
            throw;
        }

        await upkeep.ReportToSupervisorAsync(now);
        return TargetStatusView.Of(target, now);
    }
}
