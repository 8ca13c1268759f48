namespace Autoscaler.Grains.Alarms;

/// <summary>Counters of the silo an alarm grain runs on that alarms on control-plane metrics read.</summary>
public interface IControlPlaneSignals
{
    /// <summary>Telemetry messages rejected by this silo since it started.</summary>
    public long TelemetryRejected { get; }
}
