namespace Autoscaler.Grains.Placement;

/// <summary>A grain extension installed on every grain: where its activation lives. Calling it keeps the grain alive
/// (and activates it if it was not), like <see cref="Interfaces.IKeptAlive.KeepAliveAsync"/>.</summary>
[Alias("autoscaler.IPlacementProbe")]
public interface IPlacementProbe : IGrainExtension
{
    /// <summary>The silo hosting this activation.</summary>
    [Alias("Where")]
    public Task<SiloAddress> WhereAsync();
}
