namespace Autoscaler.Scaling.Policies;

/// <summary>A target-tracking target: <c>{ "type": "Utilization", "value": 30 }</c>.</summary>
public sealed record MetricTarget(TargetType Type, double Value);
