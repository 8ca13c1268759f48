namespace Autoscaler.Ports.Sources;

/// <summary>
/// One value read from a pull source (a Prometheus series, a SQL row, a CloudWatch datapoint), before the poller turns
/// it into a telemetry sample. Not the engine's <c>Autoscaler.Scaling.Model.MetricReading</c> (a metric's state over a window).
/// </summary>
/// <param name="Name">The metric name the value is reported under.</param>
/// <param name="Value">A finite number.</param>
/// <param name="Instance">The instance it belongs to (a Prometheus label, a SQL column); null for an aggregate value.</param>
public sealed record SourceReading(string Name, double Value, string? Instance = null);
