using Autoscaler.Ingestion.Parsing;

namespace Autoscaler.Ingestion.Monitoring;

/// <summary>A point-in-time copy of the ingestion counters, for health endpoints and tests.</summary>
/// <param name="MessagesReceived">Messages received by a push transport, NATS or HTTP (valid or not; NATS: own rejects excluded).</param>
/// <param name="SamplesAccepted">Samples that passed validation and were queued for the sink (pull sources' samples included).</param>
/// <param name="LifecycleAccepted">Lifecycle events queued for the sink.</param>
/// <param name="SamplesDelivered">Samples the sink accepted.</param>
/// <param name="BatchesDelivered">Sink calls that completed.</param>
/// <param name="Overflowed">Samples and lifecycle events dropped because a target's queue (or the target table) was full.</param>
/// <param name="SinkFailures">Sink calls that threw; their samples are lost and counted here.</param>
/// <param name="Rejected">Rejected messages by reason (every reason present, zero included).</param>
public sealed record TelemetryIngestionSnapshot(
    long MessagesReceived,
    long SamplesAccepted,
    long LifecycleAccepted,
    long SamplesDelivered,
    long BatchesDelivered,
    long Overflowed,
    long SinkFailures,
    IReadOnlyDictionary<TelemetryRejectionReason, long> Rejected)
{
    /// <summary>All rejected messages.</summary>
    public long RejectedTotal => Rejected.Values.Sum();
}
