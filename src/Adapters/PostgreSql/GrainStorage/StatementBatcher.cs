namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>
/// Group commit across callers: requests submitted concurrently are executed together, one statement per batch of at most
/// <c>maxBatch</c> requests, one statement in flight at a time; requests that arrive while a statement runs fill the next
/// batch. A batch never holds two requests with the same key (the later one waits for the next batch), so one statement
/// never touches a row twice. Each caller gets its own result; when a statement fails, every caller in its batch gets the
/// failure and the callers of later batches are unaffected.
/// </summary>
/// <typeparam name="TKey">What identifies the row a request touches.</typeparam>
/// <typeparam name="TRequest">One caller's request.</typeparam>
/// <typeparam name="TResult">One caller's result.</typeparam>
internal sealed class StatementBatcher<TKey, TRequest, TResult>(
    Func<TRequest, TKey> key,
    Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> execute,
    int maxBatch)
    where TKey : notnull
{
    private readonly LinkedList<Pending> _queue = new();
    private readonly Lock _lock = new();
    private bool _running;

    /// <summary>Statements executed so far (for tests and diagnostics).</summary>
    public long Statements => Interlocked.Read(ref _statements);

    private long _statements;

    /// <summary>Queues <paramref name="request"/> and completes with its result once the statement holding it has run.</summary>
    public Task<TResult> SubmitAsync(TRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_lock)
        {
            _queue.AddLast(pending);
            start = !_running;
            _running = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync);
        }

        return pending.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (Take() is { Count: > 0 } batch)
        {
            Interlocked.Increment(ref _statements);
            try
            {
                var results = await execute([.. batch.Select(p => p.Request)], CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception error)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(error);
                }
            }
        }
    }

    /// <summary>The next batch (distinct keys, at most <c>maxBatch</c>), or an empty one after marking the drain finished.</summary>
    private List<Pending> Take()
    {
        lock (_lock)
        {
            var batch = new List<Pending>(Math.Min(_queue.Count, maxBatch));
            var keys = new HashSet<TKey>();
            for (var node = _queue.First; node is not null && batch.Count < maxBatch;)
            {
                var next = node.Next;
                if (keys.Add(key(node.Value.Request)))
                {
                    batch.Add(node.Value);
                    _queue.Remove(node);
                }

                node = next;
            }

            _running = batch.Count > 0;
            return batch;
        }
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Completion);
}
