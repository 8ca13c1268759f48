using Autoscaler.Grains.Alarms;
using Autoscaler.Ingestion.Monitoring;

namespace Autoscaler.Silo.ControlPlane.Alarms;

/// <summary>The silo's telemetry counters as alarms read them.</summary>
internal sealed class IngestionControlPlaneSignals(TelemetryIngestionCounters counters) : IControlPlaneSignals
{
    public long TelemetryRejected => counters.Snapshot().RejectedTotal;
}
