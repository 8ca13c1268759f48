namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>How the NATS transport receives telemetry (<c>Telemetry:Mode</c>).</summary>
public enum TelemetryTransportMode
{
    /// <summary>Core NATS queue subscription: at most once; a full client buffer drops (and counts) messages.</summary>
    Core,

    /// <summary>
    /// A JetStream stream and one durable pull consumer shared by the silos: at least once; a message is acknowledged
    /// only after its target's grain applied it.
    /// </summary>
    JetStream,
}
