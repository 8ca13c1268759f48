namespace Autoscaler.Ports.Telemetry;

/// <summary>
/// Which target ids exist, so telemetry for an unknown target is rejected before it reaches a grain. Called for every
/// message on the ingestion path: answer from memory, never with I/O. The answer may lag a registration made moments
/// ago on another silo: a transport that misses re-reads with <see cref="RefreshAsync"/> before it rejects.
/// </summary>
public interface ITelemetryTargetCatalog
{
    /// <summary>True when <paramref name="target"/> is a registered target (as last read).</summary>
    public bool IsKnownTarget(string target);

    /// <summary>Reads the registered targets again; completes when a read that started after this call has ended.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken);
}
