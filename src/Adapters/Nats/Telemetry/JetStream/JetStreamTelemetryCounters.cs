namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>What became of the messages the JetStream consumer handed this silo (reported by the readiness check).</summary>
public sealed class JetStreamTelemetryCounters
{
    private long _acknowledged;
    private long _redeliveryRequested;
    private long _terminated;
    private long _redelivered;
    private long _givenUp;

    /// <summary>Messages acknowledged after their target's grain applied them (or after they were found to be nothing to apply).</summary>
    public long Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Negative acknowledgements: the delivery failed or did not fit its queue; the server delivers it again after the delay.</summary>
    public long RedeliveryRequested => Volatile.Read(ref _redeliveryRequested);

    /// <summary>Invalid messages terminated (never redelivered); also counted as rejections by reason.</summary>
    public long Terminated => Volatile.Read(ref _terminated);

    /// <summary>Messages received that had been delivered before (to this silo or another).</summary>
    public long Redelivered => Volatile.Read(ref _redelivered);

    /// <summary>Messages terminated on their last allowed delivery (<c>MaxDeliver</c>) after failing; their samples are counted as abandoned.</summary>
    public long GivenUp => Volatile.Read(ref _givenUp);

    internal void CountAcknowledged() => Interlocked.Increment(ref _acknowledged);

    internal void CountRedeliveryRequested() => Interlocked.Increment(ref _redeliveryRequested);

    internal void CountTerminated() => Interlocked.Increment(ref _terminated);

    internal void CountRedelivered() => Interlocked.Increment(ref _redelivered);

    internal void CountGivenUp() => Interlocked.Increment(ref _givenUp);

    /// <summary>Adds the counters to a health report's data.</summary>
    public void AddTo(IDictionary<string, object> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data["jetStreamAcknowledged"] = Acknowledged;
        data["jetStreamRedeliveryRequested"] = RedeliveryRequested;
        data["jetStreamTerminated"] = Terminated;
        data["jetStreamRedelivered"] = Redelivered;
        data["jetStreamGivenUp"] = GivenUp;
    }
}
