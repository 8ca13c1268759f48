namespace Autoscaler.Ingestion.Monitoring;

/// <summary>Readiness of the push transport that feeds the pipeline (the NATS subscription).</summary>
public enum TelemetryIngestionStatus
{
    /// <summary>Off by configuration (<c>Telemetry:Enabled</c> false or no <c>Nats:Url</c>), or no push transport registered.</summary>
    Disabled,

    /// <summary>Not subscribed yet.</summary>
    Starting,

    /// <summary>Subscribed and connected: messages flow.</summary>
    Ready,

    /// <summary>Subscribed but the connection is down; the client reconnects and the subscription resumes by itself.</summary>
    Disconnected,

    /// <summary>The reader loop ended (shutdown or a fatal error).</summary>
    Stopped,
}
