using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Dispatch;

/// <summary>
/// One queued entry for a target: a sample or a lifecycle event (kept in one queue so their order holds), and for a
/// sample whose writer waits on its delivery, the ticket to settle.
/// </summary>
internal readonly record struct TelemetryItem(TelemetrySample? Sample, AgentLifecycleEvent? Lifecycle, DeliveryTicket? Ticket = null);
