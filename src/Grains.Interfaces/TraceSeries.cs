namespace Autoscaler.Grains.Interfaces;

/// <summary>One metric's recorded total demand (the sum over instances, or the aggregate value), a point per hour.</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="PerInstance">What one instance serves, when the target says so (a reported request, or a policy's
/// per-instance target); null when unknown (the metric is then left out of the simulate input's demand).</param>
/// <param name="Points">Hourly means of the total, oldest first (the hour in progress last).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TraceSeries")]
public sealed record TraceSeries(string Metric, double? PerInstance, IReadOnlyList<TracePoint> Points);
