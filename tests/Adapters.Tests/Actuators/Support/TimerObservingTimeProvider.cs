using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer created on it: a phase barrier for tests that must advance
/// time only once the code under test is waiting (a retry backoff), without sleeping or polling.
/// </summary>
public sealed class TimerObservingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created that matches <paramref name="predicate"/> (others are skipped).</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> predicate)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a hang fails the test instead of blocking the run
        while (true)
        {
            var dueTime = await _created.Reader.ReadAsync(guard.Token);
            if (predicate(dueTime))
            {
                return dueTime;
            }
        }
    }
}
