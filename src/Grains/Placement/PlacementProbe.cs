namespace Autoscaler.Grains.Placement;

/// <summary>The activation's side of <see cref="IPlacementProbe"/>.</summary>
internal sealed class PlacementProbe(IGrainContext context) : IPlacementProbe
{
    public Task<SiloAddress> WhereAsync() => Task.FromResult(context.Address.SiloAddress!);
}
