using Orleans.Placement;

namespace Autoscaler.Grains.Placement;

/// <summary>Marks a grain keyed by a target (or by <c>target/name</c>) as placed on the target's home silo
/// (<see cref="TargetPlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TargetPlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public TargetPlacementAttribute()
        : base(new TargetPlacement())
    {
    }
}
