namespace Autoscaler.Scaling.Behavior;

/// <summary>Stabilization and rate limits for one direction (Kubernetes <c>HPAScalingRules</c>).</summary>
/// <param name="StabilizationWindowSeconds">How far back recommendations are considered, 0..3600.</param>
/// <param name="SelectPolicy">How the rate policies combine.</param>
/// <param name="Policies">Rate limits; at least one unless <see cref="SelectPolicy"/> is Disabled.</param>
public sealed record ScalingRules(int StabilizationWindowSeconds, SelectPolicy SelectPolicy, IReadOnlyList<RatePolicy> Policies)
{
    /// <summary>Kubernetes' scale-up default: no stabilization; +4 instances or +100% per 15 s, whichever is more.</summary>
    public static ScalingRules DefaultScaleUp { get; } = new(
        0,
        SelectPolicy.Max,
        [new RatePolicy(RatePolicyType.Pods, 4, 15), new RatePolicy(RatePolicyType.Percent, 100, 15)]);

    /// <summary>Kubernetes' scale-down default: 300 s stabilization; -100% per 15 s.</summary>
    public static ScalingRules DefaultScaleDown { get; } = new(
        300,
        SelectPolicy.Max,
        [new RatePolicy(RatePolicyType.Percent, 100, 15)]);
}
