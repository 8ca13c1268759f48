using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the code under test creates (a <c>Task.Delay</c> on the
/// clock, a retry backoff), so a test advances the clock exactly when the code is waiting on it instead of stepping it
/// blindly and yielding with real sleeps in between.
/// </summary>
public sealed class TimerSignalingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>A clock starting at the Unix epoch.</summary>
    public TimerSignalingClock()
        : this(DateTimeOffset.UnixEpoch)
    {
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _created.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Until <paramref name="done"/> completes: waits for the code to create a timer, then advances the clock by that
    /// timer's due time so it fires. Fails after <paramref name="limit"/> timers or when nothing happens for ten seconds.
    /// </summary>
    public async Task RunTimersUntilAsync(Task done, int limit = 2_000)
    {
        for (var fired = 0; !done.IsCompleted; fired++)
        {
            if (fired == limit)
            {
                throw new TimeoutException($"the awaited work did not finish within {limit} timers");
            }

            var next = _created.Reader.ReadAsync().AsTask();
            var first = await Task.WhenAny(done, next).WaitAsync(TimeSpan.FromSeconds(10));
            if (first == next)
            {
                Advance(await next);
            }
        }

        await done;
    }
}
