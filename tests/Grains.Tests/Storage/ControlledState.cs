namespace Autoscaler.Grains.Tests.Storage;

/// <summary>
/// A persistent state whose writes complete when the test says so (unit tests of write ordering only; the grain tests
/// use Orleans' storage): records what each write persisted and fails a write on request.
/// </summary>
internal sealed class ControlledState<T> : IPersistentState<T>
    where T : new()
{
    private readonly Queue<TaskCompletionSource> _pending = new();

    public T State { get; set; } = new();

    public string? Etag => null;

    public bool RecordExists => Written.Count > 0;

    /// <summary>What each started write persisted, in order.</summary>
    public List<T> Written { get; } = [];

    /// <summary>Writes started and not yet completed.</summary>
    public int InFlight => _pending.Count;

    public Task WriteStateAsync()
    {
        Written.Add(State);
        var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue(write);
        return write.Task;
    }

    /// <summary>Completes the oldest write in flight, or fails it with <paramref name="error"/>.</summary>
    public void Complete(Exception? error = null)
    {
        var write = _pending.Dequeue();
        if (error is null)
        {
            write.SetResult();
        }
        else
        {
            write.SetException(error);
        }
    }

    public Task ReadStateAsync() => Task.CompletedTask;

    public Task ClearStateAsync() => Task.CompletedTask;
}
