namespace Autoscaler.Ports.Sources;

/// <summary>One value read from a metric source.</summary>
/// <param name="Name">The metric name the value is reported under.</param>
/// <param name="Value">A finite number.</param>
/// <param name="Instance">The instance it belongs to (a Prometheus label, a SQL column); null for an aggregate value.</param>
public sealed record MetricReading(string Name, double Value, string? Instance = null);
