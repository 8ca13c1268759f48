namespace Autoscaler.Ingestion.Monitoring;

/// <summary>A push transport (NATS) as the <c>telemetry-ingestion</c> readiness check sees it.</summary>
public interface ITelemetryTransportHealth
{
    /// <summary>Whether the transport receives.</summary>
    public TelemetryIngestionStatus Status { get; }

    /// <summary>Adds the transport's own counters to the check's data, after the pipeline's.</summary>
    public void AddHealthData(IDictionary<string, object> data);
}
