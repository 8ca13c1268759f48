namespace Autoscaler.Grains;

/// <summary>
/// Group commit for the persistent state of a reentrant grain that many callers change at once (the target directory,
/// a scope's supervisor). One write is in flight at a time (two writes of one state would fail each other's ETag check),
/// and every change made while a write runs shares the next one, so N concurrent changes cost about two writes, not N.
/// Each write persists a snapshot taken as it starts: the grain keeps changing its live state while the provider
/// serializes the copy. <see cref="CommitAsync"/> completes once a write that started after the caller's change has
/// completed, and fails when that write fails.
/// </summary>
/// <typeparam name="TState">The persisted state type.</typeparam>
internal sealed class GroupCommit<TState>(IPersistentState<TState> state, Func<TState> snapshot)
{
    private long _changes;
    private long _durable;
    private Flight? _flight;

    /// <summary>Writes made so far (for tests and diagnostics).</summary>
    public long Writes { get; private set; }

    /// <summary>Makes the changes the caller has made to the live state durable.</summary>
    public async Task CommitAsync()
    {
        var mine = ++_changes;
        while (_durable < mine)
        {
            var flight = _flight ??= Start();
            try
            {
                await flight.Task;
            }
            catch when (flight.Covers < mine)
            {
                // A write started before this change failed: its own callers report that. This change needs a write.
            }
            finally
            {
                if (ReferenceEquals(_flight, flight))
                {
                    _flight = null;
                }
            }
        }
    }

    private Flight Start()
    {
        var covers = _changes;
        state.State = snapshot();
        Writes++;
        return new Flight(covers, WriteAsync(covers));
    }

    private async Task WriteAsync(long covers)
    {
        await state.WriteStateAsync();
        _durable = Math.Max(_durable, covers);
    }

    private sealed record Flight(long Covers, Task Task);
}
