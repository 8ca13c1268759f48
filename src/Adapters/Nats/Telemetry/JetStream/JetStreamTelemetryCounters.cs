namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>What became of the messages the JetStream consumer handed this silo (reported by the readiness check).</summary>
public sealed class JetStreamTelemetryCounters
{
    private long _acknowledged;
    private long _redeliveryRequested;
    private long _terminated;
    private long _redelivered;
    private long _givenUp;
    private long _settled;
    private readonly Lock _gate = new();
    private readonly List<(long Count, TaskCompletionSource Done)> _waiters = [];

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

    /// <summary>Messages this silo settled with the server: acknowledged, negatively acknowledged or terminated.</summary>
    public long Settled => Volatile.Read(ref _settled);

    /// <summary>Completes once <see cref="Settled"/> reached <paramref name="count"/> (start-up probes and tests wait on it).</summary>
    public Task WhenSettled(long count)
    {
        lock (_gate)
        {
            if (Settled >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    internal void CountAcknowledged()
    {
        Interlocked.Increment(ref _acknowledged);
        CountSettled();
    }

    internal void CountRedeliveryRequested()
    {
        Interlocked.Increment(ref _redeliveryRequested);
        CountSettled();
    }

    internal void CountTerminated()
    {
        Interlocked.Increment(ref _terminated);
        CountSettled();
    }

    internal void CountRedelivered() => Interlocked.Increment(ref _redelivered);

    internal void CountGivenUp()
    {
        Interlocked.Increment(ref _givenUp);
        CountSettled();
    }

    private void CountSettled()
    {
        var settled = Interlocked.Increment(ref _settled);
        lock (_gate)
        {
            _waiters.RemoveAll(waiter => settled >= waiter.Count && waiter.Done.TrySetResult());
        }
    }

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
