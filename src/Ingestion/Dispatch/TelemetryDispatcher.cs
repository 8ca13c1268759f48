using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Ingestion.Dispatch;

/// <summary>
/// Routes validated telemetry into per-target bounded queues, each drained by a pump that runs only while the queue has
/// work, into the <see cref="ITelemetrySink"/>. <see cref="Enqueue(string, List{TelemetrySample})"/> never blocks: what does not fit is
/// counted as overflow and logged at a sampled rate. One per process, shared by every transport (NATS, HTTP, pull
/// sources), so a target's sink calls never overlap and keep the order the transports handed samples in.
/// </summary>
public sealed partial class TelemetryDispatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TargetQueue> _queues = new(StringComparer.Ordinal);
    private readonly ITelemetrySink _sink;
    private readonly TelemetryIngestionOptions _options;
    private readonly TelemetryIngestionCounters _counters;
    private readonly ILogger _logger;
    private readonly LogSampler _sampler;
    private readonly TimeProvider _clock;
    private DateTimeOffset _lastEviction = DateTimeOffset.MinValue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string, Exception> _onSinkFailure;
    private readonly DeliveryRetry _retry;
    private int _disposed;

    /// <summary>Creates the dispatcher; a target's queue is created on its first message.</summary>
    public TelemetryDispatcher(
        ITelemetrySink sink, TelemetryIngestionOptions options, TelemetryIngestionCounters counters, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sink = sink;
        _options = options;
        _counters = counters;
        _logger = logger;
        _sampler = new LogSampler(clock, options.RejectionLogInterval, 2);
        _clock = clock;
        _onSinkFailure = OnSinkFailure;
        _retry = new DeliveryRetry(options.DeliveryRetryLimit, options.DeliveryRetryDelay, clock);
    }

    /// <summary>Samples waiting for <paramref name="target"/> (0 for an unknown target).</summary>
    public int QueueDepth(string target) => _queues.TryGetValue(target, out var queue) ? queue.Depth : 0;

    /// <summary>Queues validated samples for <paramref name="target"/>; returns how many were dropped as overflow.</summary>
    public int Enqueue(string target, List<TelemetrySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Write(target, CollectionsMarshal.AsSpan(samples), null);
    }

    /// <summary>
    /// Queues <paramref name="samples"/> for <paramref name="target"/> like <see cref="Enqueue(string, List{TelemetrySample})"/>,
    /// behind what other transports queued, and completes once the sink has taken all of them: for a transport that
    /// reports each delivery (a pull source's poll). Throws <see cref="TelemetryOverflowException"/> when some did not
    /// fit (counted as overflow), or the sink's exception when a call carrying them failed. <paramref name="cancellationToken"/>
    /// ends the wait only: what was queued is still delivered.
    /// </summary>
    public Task DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        if (samples.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var ticket = new DeliveryTicket(samples.Length);
        var dropped = Write(target, samples.Span, ticket);
        if (dropped > 0)
        {
            ticket.Settle(dropped, new TelemetryOverflowException(target, dropped, samples.Length));
        }

        return ticket.Completion.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a lifecycle event for <paramref name="target"/>; returns false when it was dropped as overflow.</summary>
    public bool Enqueue(string target, AgentLifecycleEvent lifecycle)
    {
        var queue = QueueFor(target);
        if (queue is not null && queue.TryWrite(lifecycle))
        {
            _counters.LifecycleAccepted();
            return true;
        }

        ReportOverflow(target, 1);
        return false;
    }

    /// <summary>
    /// Queues a lifecycle event like <see cref="Enqueue(string, AgentLifecycleEvent)"/> and completes once the sink has
    /// taken it (a transport that acknowledges each message only after it was applied). Throws
    /// <see cref="TelemetryOverflowException"/> when it did not fit, or the sink's exception when its call failed.
    /// </summary>
    public Task DeliverAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        var ticket = new DeliveryTicket(1);
        if (QueueFor(target) is { } queue && queue.TryWrite(lifecycle, ticket))
        {
            _counters.LifecycleAccepted();
        }
        else
        {
            ReportOverflow(target, 1);
            ticket.Settle(1, new TelemetryOverflowException(target, 1, 1));
        }

        return ticket.Completion.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when every queue is empty and no sink call is running (what was queued so far is delivered).</summary>
    public Task WhenIdle() => Task.WhenAll(_queues.Values.Select(q => q.WhenIdle()));

    /// <summary>Stops accepting, lets the pumps drain until <paramref name="cancellationToken"/> fires, then stops them.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues.Values)
        {
            queue.Complete();
        }

        try
        {
            await WhenIdle().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    /// <summary>Drains for up to five seconds (the host is shutting down), then stops the pumps.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await DrainAsync(deadline.Token);
        }

        await _stopping.CancelAsync();
        await WhenIdle();
        _stopping.Dispose();
    }

    // Queues what fits, counts it, and counts and reports the rest as overflow; returns how many were dropped.
    private int Write(string target, ReadOnlySpan<TelemetrySample> samples, DeliveryTicket? ticket)
    {
        var written = QueueFor(target)?.TryWrite(samples, ticket) ?? 0;
        var dropped = samples.Length - written;
        _counters.SamplesAccepted(written);
        ReportOverflow(target, dropped);
        return dropped;
    }

    private TargetQueue? QueueFor(string target)
    {
        if (_queues.TryGetValue(target, out var queue))
        {
            return queue;
        }

        if (_queues.Count >= _options.MaxTargets && !EvictIdleQueues())
        {
            return null;
        }

        return _queues.GetOrAdd(
            target, static (key, self) => new TargetQueue(
                key, self._options.QueueCapacityPerTarget, self._options.MaxBatchSize, self._sink, self._counters, self._onSinkFailure,
                self._retry, self._stopping.Token),
            this);
    }

    // At the limit, forgets the queues with nothing queued or in flight (they hold no samples; a writer that still holds
    // one delivers through it), at most once a second so a flood of new names cannot make every message scan the table.
    private bool EvictIdleQueues()
    {
        var now = _clock.GetUtcNow();
        if (now - _lastEviction < TimeSpan.FromSeconds(1))
        {
            return false;
        }

        _lastEviction = now;
        foreach (var entry in _queues)
        {
            if (entry.Value.IsIdle)
            {
                _queues.TryRemove(entry);
            }
        }

        return _queues.Count < _options.MaxTargets;
    }

    private void ReportOverflow(string target, int dropped)
    {
        if (dropped == 0)
        {
            return;
        }

        _counters.Overflowed(dropped);
        if (_sampler.ShouldLog(0, out var suppressed))
        {
            LogOverflow(_logger, dropped, target, _queues.ContainsKey(target) ? "its queue is full (slow sink)" : "too many targets", suppressed);
        }
    }

    private void OnSinkFailure(string target, Exception error)
    {
        if (_sampler.ShouldLog(1, out var suppressed))
        {
            LogSinkFailure(_logger, error, target, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Telemetry overflow: dropped {Count} item(s) for target {Target}: {Cause} ({Suppressed} similar events not logged)")]
    private static partial void LogOverflow(ILogger logger, int count, string target, string cause, long suppressed);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Telemetry delivery failed for target {Target}; retried until it succeeds or its retry limit passes ({Suppressed} similar failures not logged)")]
    private static partial void LogSinkFailure(ILogger logger, Exception error, string target, long suppressed);
}
