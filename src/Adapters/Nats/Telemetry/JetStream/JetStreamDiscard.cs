namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>What a full telemetry stream does (<c>Telemetry:JetStream:Discard</c>).</summary>
public enum JetStreamDiscard
{
    /// <summary>Deletes its oldest messages.</summary>
    Old,

    /// <summary>Refuses new messages.</summary>
    New,
}
