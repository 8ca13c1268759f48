namespace Autoscaler.Ports.Telemetry;

/// <summary>
/// Which target ids exist, so telemetry for an unknown target is rejected before it reaches a grain. Called for every
/// message on the ingestion path: answer from memory, never with I/O.
/// </summary>
public interface ITelemetryTargetCatalog
{
    /// <summary>True when <paramref name="target"/> is a registered target.</summary>
    public bool IsKnownTarget(string target);
}
