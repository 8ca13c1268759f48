using System.Buffers;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Dispatch;

/// <summary>
/// One target's bounded queue and the pump that hands it to the sink in batches, one sink call at a time. Writers never
/// wait: a full queue refuses the item and the caller counts it as overflow. The pump exists only while there is work:
/// the first write to an idle queue schedules it on the thread pool, and it stops when the queue is empty, so an idle
/// target holds no task, no waiter and no batch buffer. The lock guards only enqueueing and taking a batch. Samples
/// written with a <see cref="DeliveryTicket"/> settle it as their batches are delivered. A failed sink call is tried
/// again with backoff (<see cref="DeliveryRetry"/>) until it succeeds, the sink refuses it for good
/// (<see cref="TelemetryDeliveryRefusedException"/>) or the retry limit passes (then its samples are counted as
/// abandoned); meanwhile the queue keeps its bound and writers keep counting overflow.
/// </summary>
internal sealed class TargetQueue : IThreadPoolWorkItem
{
    // After a burst the queue's array is kept up to this many items; a larger one is released when the queue drains.
    private const int RetainedCapacity = 256;

    private readonly Lock _gate = new();
    private readonly Queue<TelemetryItem> _items = new();
    private readonly string _target;
    private readonly int _capacity;
    private readonly int _maxBatch;
    private readonly ITelemetrySink _sink;
    private readonly TelemetryIngestionCounters _counters;
    private readonly Action<string, Exception> _onSinkFailure;
    private readonly DeliveryRetry _retry;
    private readonly CancellationToken _stopping;
    private TaskCompletionSource? _idle;
    private bool _running;
    private bool _completed;

    public TargetQueue(
        string target, int capacity, int maxBatch, ITelemetrySink sink, TelemetryIngestionCounters counters,
        Action<string, Exception> onSinkFailure, DeliveryRetry retry, CancellationToken stopping)
    {
        _retry = retry;
        _target = target;
        _capacity = capacity;
        _maxBatch = maxBatch;
        _sink = sink;
        _counters = counters;
        _onSinkFailure = onSinkFailure;
        _stopping = stopping;
    }

    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>True when nothing is queued and no sink call is running.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return !_running && _items.Count == 0;
            }
        }
    }

    /// <summary>
    /// Queues a lifecycle event; false when the queue is full or completed (the caller counts the overflow). With a
    /// <paramref name="ticket"/> (of one), its delivery settles it.
    /// </summary>
    public bool TryWrite(AgentLifecycleEvent lifecycle, DeliveryTicket? ticket = null)
    {
        bool schedule;
        lock (_gate)
        {
            if (_completed || _items.Count >= _capacity)
            {
                return false;
            }

            _items.Enqueue(new TelemetryItem(null, lifecycle, ticket));
            schedule = MarkRunningLocked();
        }

        Schedule(schedule);
        return true;
    }

    /// <summary>
    /// Queues as many of <paramref name="samples"/> as fit, in order; returns how many (the rest are overflow). With a
    /// <paramref name="ticket"/>, the written ones settle it when delivered.
    /// </summary>
    public int TryWrite(ReadOnlySpan<TelemetrySample> samples, DeliveryTicket? ticket = null)
    {
        var written = 0;
        bool schedule;
        lock (_gate)
        {
            if (_completed)
            {
                return 0;
            }

            foreach (var sample in samples)
            {
                if (_items.Count >= _capacity)
                {
                    break;
                }

                _items.Enqueue(new TelemetryItem(sample, null, ticket));
                written++;
            }

            schedule = written > 0 && MarkRunningLocked();
        }

        Schedule(schedule);
        return written;
    }

    /// <summary>Refuses further writes; what is queued is still delivered.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }

    /// <summary>Completes when the queue is empty and no sink call is running.</summary>
    public Task WhenIdle()
    {
        lock (_gate)
        {
            if (!_running)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = PumpAsync();

    private async Task PumpAsync()
    {
        var batch = ArrayPool<TelemetrySample>.Shared.Rent(_maxBatch);
        List<DeliveryTicket>? tickets = null;
        try
        {
            while (TakeBatch(batch, ref tickets, out var count, out var lifecycle))
            {
                if (lifecycle.Lifecycle is { } next)
                {
                    await DeliverLifecycleAsync(next, lifecycle.Ticket);
                }
                else
                {
                    await FlushAsync(batch, count, tickets);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutdown after the drain deadline: what is still queued is dropped with the process.
            Stop(tickets);
        }
        finally
        {
            // Cleared: a pooled array must not keep samples alive.
            ArrayPool<TelemetrySample>.Shared.Return(batch, clearArray: true);
        }
    }

    // Takes up to a batch of samples, or one lifecycle event when it is next (so both keep their order); false, and the
    // pump stops, when there is nothing left. The tickets of the batch's samples are listed once each in tickets.
    private bool TakeBatch(TelemetrySample[] batch, ref List<DeliveryTicket>? tickets, out int count, out TelemetryItem lifecycle)
    {
        count = 0;
        lifecycle = default;
        lock (_gate)
        {
            while (count < _maxBatch && _items.TryPeek(out var item))
            {
                if (item.Lifecycle is not null)
                {
                    if (count == 0)
                    {
                        lifecycle = _items.Dequeue();
                    }

                    break;
                }

                var taken = _items.Dequeue();
                batch[count++] = taken.Sample!;
                if (taken.Ticket is { } ticket && ticket.TakeIntoBatch())
                {
                    (tickets ??= []).Add(ticket);
                }
            }

            if (count > 0 || lifecycle.Lifecycle is not null)
            {
                return true;
            }

            if (_items.Capacity > RetainedCapacity)
            {
                _items.TrimExcess();
            }

            StopLocked();
            return false;
        }
    }

    private bool MarkRunningLocked()
    {
        if (_running)
        {
            return false;
        }

        _running = true;
        return true;
    }

    // Not inline: the writer (the NATS reader) must not run a sink call.
    private void Schedule(bool schedule)
    {
        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    // Stopped by shutdown: no sink call will settle the tickets of the batch in flight or of what is still queued.
    private void Stop(List<DeliveryTicket>? inFlight)
    {
        lock (_gate)
        {
            StopLocked();
            foreach (var item in _items)
            {
                item.Ticket?.Abandon();
            }
        }

        inFlight?.ForEach(ticket => ticket.Abandon());
    }

    private void StopLocked()
    {
        _running = false;
        _idle?.TrySetResult();
        _idle = null;
    }

    private async ValueTask FlushAsync(TelemetrySample[] batch, int count, List<DeliveryTicket>? tickets)
    {
        Exception? failure = null;
        try
        {
            var retrying = default(DeliveryAttempts);
            while (true)
            {
                try
                {
                    await _sink.DeliverAsync(_target, batch.AsMemory(0, count), _stopping);
                    _counters.Delivered(count);
                    failure = null;
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    failure = e;
                }

                if (!await RetryAsync(failure, ref retrying))
                {
                    _counters.Abandoned(count);
                    break;
                }
            }
        }
        finally
        {
            Array.Clear(batch, 0, count);
        }

        if (tickets is { Count: > 0 })
        {
            foreach (var ticket in tickets)
            {
                ticket.SettleBatch(failure);
            }

            tickets.Clear();
        }
    }

    private async ValueTask DeliverLifecycleAsync(AgentLifecycleEvent lifecycle, DeliveryTicket? ticket)
    {
        var retrying = default(DeliveryAttempts);
        while (true)
        {
            Exception failure;
            try
            {
                await _sink.DeliverLifecycleAsync(_target, lifecycle, _stopping);
                ticket?.Settle(1, null);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                failure = e;
            }

            if (!await RetryAsync(failure, ref retrying))
            {
                _counters.Abandoned(1);
                ticket?.Settle(1, failure);
                return;
            }
        }
    }

    // Counts and reports a failed sink call; waits out the backoff and returns true when the call should be made again,
    // false when it is given up. Shutdown during the wait throws (the pump stops and abandons what it holds).
    private ValueTask<bool> RetryAsync(Exception failure, ref DeliveryAttempts attempts)
    {
        _counters.SinkFailed();
        _onSinkFailure(_target, failure);
        if (failure is TelemetryDeliveryRefusedException || !_retry.Next(ref attempts, out var delay))
        {
            return ValueTask.FromResult(false);
        }

        _counters.DeliveryRetried();
        return WaitAsync(delay);
    }

    private async ValueTask<bool> WaitAsync(TimeSpan delay)
    {
        await Task.Delay(delay, _retry.Clock, _stopping);
        return true;
    }
}
