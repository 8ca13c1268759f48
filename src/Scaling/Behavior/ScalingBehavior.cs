namespace Autoscaler.Scaling.Behavior;

/// <summary>Stabilization and rate limits per direction (Kubernetes <c>HorizontalPodAutoscalerBehavior</c>).</summary>
public sealed record ScalingBehavior(ScalingRules ScaleUp, ScalingRules ScaleDown)
{
    /// <summary>Kubernetes autoscaling/v2 defaults for both directions.</summary>
    public static ScalingBehavior Default { get; } = new(ScalingRules.DefaultScaleUp, ScalingRules.DefaultScaleDown);

    /// <summary>The longest stabilization window: how long recommendations must be kept.</summary>
    public int LongestWindowSeconds => Math.Max(ScaleUp.StabilizationWindowSeconds, ScaleDown.StabilizationWindowSeconds);

    /// <summary>The longest rate period: how long scale events matter to the rate limits.</summary>
    public int LongestPeriodSeconds
    {
        get
        {
            var longest = 0;
            for (var i = 0; i < ScaleUp.Policies.Count; i++)
            {
                var policy = ScaleUp.Policies[i];
                longest = Math.Max(longest, policy.PeriodSeconds);
            }

            for (var i = 0; i < ScaleDown.Policies.Count; i++)
            {
                var policy = ScaleDown.Policies[i];
                longest = Math.Max(longest, policy.PeriodSeconds);
            }

            return longest;
        }
    }
}
