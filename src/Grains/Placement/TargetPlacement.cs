namespace Autoscaler.Grains.Placement;

/// <summary>
/// Places a target's grains (its service grain and the grains beside it keyed by the target: policies, agent pool, size)
/// on the target's home silo: the compatible active silo with the highest rendezvous weight for the target's id
/// (<see cref="TargetHome"/>). Balanced to within a few percent at thousands of targets, the same answer on every silo
/// for the same membership, a target's grains together, and a silo that joins takes about 1/N of the targets (only those).
/// </summary>
[Serializable, GenerateSerializer, Immutable, Alias("autoscaler.TargetPlacement")]
public sealed class TargetPlacement : PlacementStrategy
{
}
