using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Dispatch;

/// <summary>One queued entry for a target: a sample or a lifecycle event (kept in one queue so their order holds).</summary>
internal readonly record struct TelemetryItem(TelemetrySample? Sample, AgentLifecycleEvent? Lifecycle);
