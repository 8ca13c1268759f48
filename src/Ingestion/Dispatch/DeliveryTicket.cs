namespace Autoscaler.Ingestion.Dispatch;

/// <summary>
/// Follows one awaited write (a pull source's poll) through its target's queue: completes once every sample of it was
/// handed to the sink, or faults with the first failure (overflow when written, a sink exception when delivered).
/// The pump counts the samples of its current batch here, so a write split over batches is settled batch by batch.
/// </summary>
internal sealed class DeliveryTicket(int count)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = count;
    private int _inBatch;
    private Exception? _error;

    /// <summary>Completes when every sample is settled.</summary>
    public Task Completion => _done.Task;

    /// <summary>Counts one sample into the pump's current batch; true for the first, so the pump lists the ticket once.</summary>
    public bool TakeIntoBatch() => _inBatch++ == 0;

    /// <summary>Settles the samples of the batch just handed to the sink (<paramref name="error"/>: the sink's exception).</summary>
    public void SettleBatch(Exception? error)
    {
        var taken = _inBatch;
        _inBatch = 0;
        Settle(taken, error);
    }

    /// <summary>Settles <paramref name="count"/> samples, failed with <paramref name="error"/> when it is not null.</summary>
    public void Settle(int count, Exception? error)
    {
        if (error is not null)
        {
            Interlocked.CompareExchange(ref _error, error, null);
        }

        if (Interlocked.Add(ref _pending, -count) == 0)
        {
            if (Volatile.Read(ref _error) is { } failure)
            {
                _done.TrySetException(failure);
            }
            else
            {
                _done.TrySetResult();
            }
        }
    }

    /// <summary>The pumps stopped at shutdown with these samples still queued: nobody will settle them.</summary>
    public void Abandon() => _done.TrySetCanceled();
}
