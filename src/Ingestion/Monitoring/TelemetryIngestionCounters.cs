using System.Diagnostics.Metrics;
using Autoscaler.Ingestion.Parsing;

namespace Autoscaler.Ingestion.Monitoring;

/// <summary>
/// The pipeline's counters, readable at any time (<see cref="Snapshot"/>) and exported as System.Diagnostics.Metrics
/// instruments on the <c>Autoscaler.Telemetry</c> meter. Lock-free: incremented from the transports and the sink pumps.
/// A transport's own counters (the NATS client's dropped messages) are the transport's, on the same meter.
/// </summary>
public sealed class TelemetryIngestionCounters
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Autoscaler.Telemetry";

    private static readonly TelemetryRejectionReason[] Reasons = Enum.GetValues<TelemetryRejectionReason>();
    private readonly long[] _rejected = new long[Reasons.Length];
    private readonly Counter<long>? _messagesCounter;
    private readonly Counter<long>? _acceptedCounter;
    private readonly Counter<long>? _rejectedCounter;
    private readonly Counter<long>? _overflowCounter;
    private readonly Counter<long>? _sinkFailureCounter;
    private long _messages;
    private long _samplesAccepted;
    private long _lifecycleAccepted;
    private long _samplesDelivered;
    private long _batches;
    private long _overflowed;
    private long _sinkFailures;

    /// <summary>Creates the counters; with a meter factory they are also exported as instruments.</summary>
    public TelemetryIngestionCounters(IMeterFactory? meterFactory = null)
    {
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(MeterName);
        _messagesCounter = meter.CreateCounter<long>("autoscaler.telemetry.messages", "{message}", "Telemetry messages received");
        _acceptedCounter = meter.CreateCounter<long>("autoscaler.telemetry.samples.accepted", "{sample}", "Valid samples queued");
        _rejectedCounter = meter.CreateCounter<long>("autoscaler.telemetry.rejected", "{message}", "Rejected messages, by reason");
        _overflowCounter = meter.CreateCounter<long>("autoscaler.telemetry.overflowed", "{sample}", "Samples dropped on full queues");
        _sinkFailureCounter = meter.CreateCounter<long>("autoscaler.telemetry.sink.failures", "{call}", "Sink calls that failed");
        meter.CreateObservableCounter("autoscaler.telemetry.samples.delivered", () => Volatile.Read(ref _samplesDelivered), "{sample}",
            "Samples the grains accepted (accepted minus delivered is what is still queued)");
    }

    /// <summary>Rejected messages for one reason so far.</summary>
    public long Rejected(TelemetryRejectionReason reason) => Volatile.Read(ref _rejected[(int)reason]);

    /// <summary>Copies every counter.</summary>
    public TelemetryIngestionSnapshot Snapshot() => new(
        Volatile.Read(ref _messages),
        Volatile.Read(ref _samplesAccepted),
        Volatile.Read(ref _lifecycleAccepted),
        Volatile.Read(ref _samplesDelivered),
        Volatile.Read(ref _batches),
        Volatile.Read(ref _overflowed),
        Volatile.Read(ref _sinkFailures),
        Reasons.ToDictionary(r => r, Rejected));

    /// <summary>Counts one received message (any transport: NATS, HTTP).</summary>
    public void MessageReceived()
    {
        Interlocked.Increment(ref _messages);
        _messagesCounter?.Add(1);
    }

    internal void SamplesAccepted(int count)
    {
        Interlocked.Add(ref _samplesAccepted, count);
        _acceptedCounter?.Add(count);
    }

    internal void LifecycleAccepted() => Interlocked.Increment(ref _lifecycleAccepted);

    internal void Delivered(int samples)
    {
        Interlocked.Add(ref _samplesDelivered, samples);
        Interlocked.Increment(ref _batches);
    }

    /// <summary>Counts one rejected message by its reason (any transport: NATS, HTTP).</summary>
    public void Rejected(TelemetryRejection rejection)
    {
        Interlocked.Increment(ref _rejected[(int)rejection.Reason]);
        _rejectedCounter?.Add(1, new KeyValuePair<string, object?>("reason", rejection.Reason.ToString()));
    }

    internal void Overflowed(int count)
    {
        Interlocked.Add(ref _overflowed, count);
        _overflowCounter?.Add(count);
    }

    internal void SinkFailed()
    {
        Interlocked.Increment(ref _sinkFailures);
        _sinkFailureCounter?.Add(1);
    }
}
