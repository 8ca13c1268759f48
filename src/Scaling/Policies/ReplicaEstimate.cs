namespace Autoscaler.Scaling.Policies;

/// <summary>The outcome of Kubernetes' replica calculation for one metric (its explanation goes to the caller's writer).</summary>
/// <param name="Replicas">Proposed replicas; null when the metric had no usable data.</param>
/// <param name="MetricValue">Measured utilization percent or per-instance average (ready instances with samples).</param>
/// <param name="Ratio">MetricValue / target, before missing and unready instances are accounted for.</param>
public readonly record struct ReplicaEstimate(int? Replicas, double? MetricValue, double? Ratio);
