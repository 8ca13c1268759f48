namespace Autoscaler.Grains.Alarms;

/// <summary>The default when the host has no telemetry pipeline (tests): nothing rejected.</summary>
internal sealed class NoControlPlaneSignals : IControlPlaneSignals
{
    public long TelemetryRejected => 0;
}
