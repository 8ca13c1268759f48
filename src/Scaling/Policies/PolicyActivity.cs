namespace Autoscaler.Scaling.Policies;

/// <summary>What one policy changed within a recent period (see <see cref="PolicyContext.ActivityOf"/>).</summary>
/// <param name="Added">Instances its scale-outs added.</param>
/// <param name="Removed">Instances its scale-ins removed (positive).</param>
/// <param name="LastScaleOut">Its latest scale-out in the period.</param>
/// <param name="LastScaleIn">Its latest scale-in in the period.</param>
public readonly record struct PolicyActivity(int Added, int Removed, DateTimeOffset? LastScaleOut, DateTimeOffset? LastScaleIn);
