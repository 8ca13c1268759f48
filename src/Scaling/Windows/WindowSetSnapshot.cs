namespace Autoscaler.Scaling.Windows;

/// <summary>Every metric window and history of one target, as persisted in grain state so they survive failover.</summary>
/// <param name="Metrics">One entry per metric.</param>
public sealed record WindowSetSnapshot(IReadOnlyList<MetricSnapshot> Metrics);
