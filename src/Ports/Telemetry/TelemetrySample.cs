namespace Autoscaler.Ports.Telemetry;

/// <summary>
/// One validated report from an instance of a target (the telemetry contract's sample): every metric is a finite number,
/// <see cref="Timestamp"/> is never more than the allowed skew in the future.
/// </summary>
/// <param name="Source">The reporting instance (agent, task, replica).</param>
/// <param name="Timestamp">When the values were measured (the receive time when the sender gave none).</param>
/// <param name="Metrics">Metric name → value; never empty.</param>
/// <param name="Ready">Whether the instance counts as ready (default true).</param>
/// <param name="Request">Per-metric reserved amount, for utilization targets; null when not reported.</param>
public sealed record TelemetrySample(
    string Source,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, double> Metrics,
    bool Ready = true,
    IReadOnlyDictionary<string, double>? Request = null);
