using Orleans.Runtime.Placement;

namespace Autoscaler.Grains.Placement;

/// <summary>Places a grain with <see cref="TargetPlacement"/> on its target's home among the silos compatible with it
/// (active ones, in this silo's view of the membership).</summary>
public sealed class TargetPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target);
        var key = target.GrainIdentity.Key.ToString() ?? string.Empty;
        return Task.FromResult(TargetHome.Of(TargetHome.TargetOf(key), silos));
    }
}
