namespace Autoscaler.Ports.Telemetry;

/// <summary>A per-target bound on telemetry, past which values are refused and counted (never silently grown).</summary>
public enum TelemetryLimit
{
    /// <summary>A new metric name arrived for a target that already has the most metric names it may hold.</summary>
    MetricsPerTarget,

    /// <summary>A new instance reported a metric whose window already tracks the most live instances it may hold.</summary>
    InstancesPerTarget,
}
