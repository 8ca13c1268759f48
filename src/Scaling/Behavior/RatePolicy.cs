namespace Autoscaler.Scaling.Behavior;

/// <summary>One rate limit of a direction (Kubernetes <c>HPAScalingPolicy</c>).</summary>
/// <param name="Type">Pods or Percent.</param>
/// <param name="Value">Instances or percent; positive.</param>
/// <param name="PeriodSeconds">Length of the sliding period, 1..1800 seconds.</param>
public sealed record RatePolicy(RatePolicyType Type, int Value, int PeriodSeconds);
