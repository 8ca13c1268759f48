namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>Where the telemetry stream keeps its messages (<c>Telemetry:JetStream:Storage</c>).</summary>
public enum JetStreamStorage
{
    /// <summary>On disk: survives a server restart.</summary>
    File,

    /// <summary>In memory: lost with the server.</summary>
    Memory,
}
