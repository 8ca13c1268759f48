using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.KeepAlive;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Grains.Tests.KeepAlive;

/// <summary>How a sweep touches its share: in batches, no faster than the configured rate, counting the calls that fail.</summary>
public sealed class KeepAliveTouchTests
{
    private readonly FakeTimeProvider _clock = new();
    private int _touched;
    private readonly TaskCompletionSource _fourTouched = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Batches_are_spaced_so_the_rate_is_never_exceeded()
    {
        var grains = Enumerable.Range(0, 5).Select(_ => (IKeptAlive)new CountingGrain(this, fails: false)).ToList();
        var settings = new KeepAliveOptions { BatchSize = 2, TouchesPerSecond = 2 };

        var sweep = KeepAliveSweep.TouchAsync(grains, settings, _clock, NullLogger.Instance, CancellationToken.None);
        var afterFirstBatch = _touched;
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        var justBeforeOneSecond = _touched;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await _fourTouched.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var failed = await sweep.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, afterFirstBatch);
        Assert.Equal(2, justBeforeOneSecond);
        Assert.Equal(5, _touched);
        Assert.Equal(0, failed);
    }

    [Fact]
    public async Task A_grain_that_fails_is_counted_and_the_others_are_still_touched()
    {
        var grains = new IKeptAlive[] { new CountingGrain(this, fails: false), new CountingGrain(this, fails: true), new CountingGrain(this, fails: false) };

        var failed = await KeepAliveSweep.TouchAsync(grains, new KeepAliveOptions(), _clock, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(1, failed);
        Assert.Equal(2, _touched);
    }

    private sealed class CountingGrain(KeepAliveTouchTests test, bool fails) : IKeptAlive
    {
        public Task KeepAliveAsync()
        {
            if (fails)
            {
                return Task.FromException(new TimeoutException("silo unavailable"));
            }

            if (Interlocked.Increment(ref test._touched) == 4)
            {
                test._fourTouched.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
