namespace Autoscaler.Scaling.Model;

/// <summary>One timestamped value of a metric series.</summary>
public readonly record struct MetricPoint(DateTimeOffset At, double Value);
