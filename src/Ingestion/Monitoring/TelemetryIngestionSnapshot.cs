using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Monitoring;

/// <summary>A point-in-time copy of the ingestion counters, for health endpoints and tests.</summary>
/// <param name="MessagesReceived">Messages received by a push transport, NATS or HTTP (valid or not; NATS: own rejects excluded).</param>
/// <param name="SamplesAccepted">Samples that passed validation and were queued for the sink (pull sources' samples included).</param>
/// <param name="LifecycleAccepted">Lifecycle events queued for the sink.</param>
/// <param name="SamplesDelivered">Samples the sink accepted.</param>
/// <param name="BatchesDelivered">Sink calls that completed.</param>
/// <param name="Overflowed">Samples and lifecycle events dropped because a target's queue (or the target table) was full.</param>
/// <param name="SinkFailures">Sink calls that threw (each attempt); a failed call is tried again (<see cref="DeliveryRetries"/>)
/// until it succeeds or its retry limit passes (<see cref="SamplesAbandoned"/>).</param>
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
    /// <summary>Failed sink calls that were tried again.</summary>
    public long DeliveryRetries { get; init; }

    /// <summary>Samples (and lifecycle events) given up because their delivery kept failing past the retry limit.</summary>
    public long SamplesAbandoned { get; init; }

    /// <summary>Metric values targets refused past their limits, by limit (every limit present).</summary>
    public IReadOnlyDictionary<TelemetryLimit, long> Refused { get; init; } = new Dictionary<TelemetryLimit, long>();

    /// <summary>All rejected messages.</summary>
    public long RejectedTotal => Rejected.Values.Sum();
}
