namespace Autoscaler.Scaling.Windows;

/// <summary>One metric of a target: its window and, when it has one, its long-horizon history.</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="Window">The metric's window.</param>
/// <param name="History">The metric's history, if any.</param>
public sealed record MetricSnapshot(string Metric, MetricWindowSnapshot Window, MetricHistorySnapshot? History);
