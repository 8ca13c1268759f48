namespace Autoscaler.Adapters.Nats.Connection;

/// <summary>What readiness reports about the NATS connection.</summary>
public enum NatsConnectionStatus
{
    /// <summary>No URL configured: NATS is off by choice.</summary>
    Disabled,

    /// <summary>The host has not started connecting yet.</summary>
    NotStarted,

    /// <summary>First connection in progress.</summary>
    Connecting,

    /// <summary>Connected to a server.</summary>
    Connected,

    /// <summary>Lost the server; the client is reconnecting by itself.</summary>
    Reconnecting,

    /// <summary>Closed (shut down, or gave up reconnecting).</summary>
    Closed,
}
