namespace Autoscaler.Grains.Tests.Storage;

/// <summary>
/// Ordering of <see cref="GroupCommit{TState}"/>: one write in flight, changes made meanwhile share the next write, a
/// caller returns only once a write covering its change is durable, and a failed write fails only the callers it covered.
/// </summary>
public sealed class GroupCommitTests
{
    private readonly List<int> _live = [];
    private readonly ControlledState<List<int>> _state = new();
    private readonly GroupCommit<List<int>> _commit;

    public GroupCommitTests() => _commit = new GroupCommit<List<int>>(_state, () => [.. _live]);

    [Fact]
    public async Task Changes_made_while_a_write_runs_share_the_next_write()
    {
        var first = Change(1);
        var second = Change(2);
        var third = Change(3);

        Assert.Equal(1, _state.InFlight);
        Assert.Equal([1], _state.Written[0]);
        _state.Complete();
        await first;
        Assert.False(second.IsCompleted);

        await WaitUntilAsync(() => _state.InFlight == 1);
        Assert.Equal([1, 2, 3], _state.Written[1]);
        _state.Complete();
        await Task.WhenAll(second, third);
        Assert.Equal(2, _commit.Writes);
    }

    [Fact]
    public async Task A_write_persists_the_snapshot_taken_when_it_started()
    {
        var first = Change(1);
        _live.Add(99);

        Assert.Equal([1], _state.Written[0]);
        _state.Complete();
        await first;
    }

    [Fact]
    public async Task A_failed_write_fails_the_callers_it_covered_and_later_changes_get_a_new_write()
    {
        var first = Change(1);
        var second = Change(2);

        _state.Complete(new InvalidOperationException("storage down"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("storage down", error.Message);
        await WaitUntilAsync(() => _state.InFlight == 1);
        Assert.Equal([1, 2], _state.Written[1]);
        _state.Complete();
        await second;
    }

    [Fact]
    public async Task A_caller_whose_change_was_covered_by_a_failed_write_sees_the_failure()
    {
        var first = Change(1);
        _state.Complete();
        await first;
        var second = Change(2);
        var third = Change(3);
        Assert.Equal([1, 2], _state.Written[1]);

        _state.Complete(new TimeoutException("slow disk"));

        await Assert.ThrowsAsync<TimeoutException>(() => second);
        await WaitUntilAsync(() => _state.InFlight == 1);
        _state.Complete();
        await third;
        Assert.Equal([1, 2, 3], _state.Written[^1]);
    }

    private Task Change(int value)
    {
        _live.Add(value);
        return _commit.CommitAsync();
    }

    /// <summary>Continuations run on the thread pool: wait (bounded) for the next write to start.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
