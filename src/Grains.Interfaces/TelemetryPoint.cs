namespace Autoscaler.Grains.Interfaces;

/// <summary>One sample from one instance (agent, task, replica), as the telemetry contract defines it.</summary>
/// <param name="Source">The reporting instance.</param>
/// <param name="At">Sample time (receive time when the sender gave none).</param>
/// <param name="Metrics">Metric name → finite value.</param>
/// <param name="Ready">The instance's readiness (default true).</param>
/// <param name="Requests">Per-metric reserved amount, for <c>Utilization</c> targets.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TelemetryPoint")]
public sealed record TelemetryPoint(
    string Source, DateTimeOffset At, IReadOnlyDictionary<string, double> Metrics, bool Ready = true, IReadOnlyDictionary<string, double>? Requests = null);
