using System.Diagnostics.Metrics;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Monitoring;

/// <summary>
/// The pipeline's counters, readable at any time (<see cref="Snapshot"/>) and exported as System.Diagnostics.Metrics
/// instruments on the <c>Autoscaler.Telemetry</c> meter. Lock-free: incremented from the transports and the sink pumps.
/// A transport's own counters (the NATS client's dropped messages) are the transport's, on the same meter.
/// </summary>
public sealed class TelemetryIngestionCounters : ITelemetryLimitCounter
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Autoscaler.Telemetry";

    private static readonly TelemetryRejectionReason[] Reasons = Enum.GetValues<TelemetryRejectionReason>();
    private static readonly TelemetryLimit[] Limits = Enum.GetValues<TelemetryLimit>();
    private readonly long[] _rejected = new long[Reasons.Length];
    private readonly long[] _refused = new long[Limits.Length];
    private readonly Counter<long>? _refusedCounter;
    private readonly Counter<long>? _retryCounter;
    private readonly Counter<long>? _abandonedCounter;
    private long _deliveryRetries;
    private long _samplesAbandoned;
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
        _retryCounter = meter.CreateCounter<long>("autoscaler.telemetry.delivery.retries", "{call}", "Failed sink calls tried again");
        _abandonedCounter = meter.CreateCounter<long>(
            "autoscaler.telemetry.samples.abandoned", "{sample}", "Samples given up after their delivery failed past the retry limit");
        _refusedCounter = meter.CreateCounter<long>(
            "autoscaler.telemetry.refused", "{value}", "Metric values a target refused past its limits, by limit");
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
        Reasons.ToDictionary(r => r, Rejected))
    {
        DeliveryRetries = Volatile.Read(ref _deliveryRetries),
        SamplesAbandoned = Volatile.Read(ref _samplesAbandoned),
        Refused = Limits.ToDictionary(l => l, l => Volatile.Read(ref _refused[(int)l])),
    };

    /// <summary>Counts <paramref name="values"/> metric values <paramref name="target"/> refused at <paramref name="limit"/>.</summary>
    public void Refused(string target, TelemetryLimit limit, int values)
    {
        Interlocked.Add(ref _refused[(int)limit], values);
        _refusedCounter?.Add(values, new KeyValuePair<string, object?>("limit", limit.ToString()));
    }

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

    internal void DeliveryRetried()
    {
        Interlocked.Increment(ref _deliveryRetries);
        _retryCounter?.Add(1);
    }

    internal void Abandoned(int samples)
    {
        Interlocked.Add(ref _samplesAbandoned, samples);
        _abandonedCounter?.Add(samples);
    }
}
