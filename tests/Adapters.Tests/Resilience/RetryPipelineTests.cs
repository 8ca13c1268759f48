using Autoscaler.Adapters.Resilience;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Resilience;

public sealed class RetryPipelineTests
{
    private static readonly RetryOptions NoDelay = Options(maxAttempts: 4, TimeSpan.Zero, TimeSpan.Zero);

    [Fact]
    public async Task A_retryable_result_is_retried_until_one_is_not()
    {
        var pipeline = RetryPipeline.Create<string>(NoDelay, new FakeTimeProvider(), result => result == "busy");
        var attempts = 0;

        var result = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(++attempts < 3 ? "busy" : "done"));

        Assert.Equal("done", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Attempts_stop_at_MaxAttempts_with_the_last_result()
    {
        var pipeline = RetryPipeline.Create<int>(NoDelay, new FakeTimeProvider(), _ => true);
        var attempts = 0;

        var result = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(++attempts));

        Assert.Equal(4, result);
        Assert.Equal(4, attempts);
    }

    [Theory]
    [InlineData(1, true)]  // one attempt: nothing is retried, whatever the predicate says
    [InlineData(4, false)] // the predicate refuses
    public async Task A_single_attempt_when_retrying_is_off_or_refused(int maxAttempts, bool retryable)
    {
        var pipeline = RetryPipeline.Create<string>(Options(maxAttempts, TimeSpan.Zero, TimeSpan.Zero), new FakeTimeProvider(), _ => retryable);
        var attempts = 0;

        await pipeline.ExecuteAsync(_ => { attempts++; return ValueTask.FromResult("failed"); });

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task An_exception_is_not_retried()
    {
        var pipeline = RetryPipeline.Create<string>(NoDelay, new FakeTimeProvider(), _ => true);
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await pipeline.ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw new InvalidOperationException("not a result");
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Delays_run_on_the_TimeProvider_jittered_and_capped_at_MaxRetryDelay()
    {
        var clock = new TimerObservingTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var options = Options(maxAttempts: 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var pipeline = RetryPipeline.Create<int>(options, clock, attempt => attempt < 4);
        var attempts = 0;

        var call = pipeline.ExecuteAsync(_ => ValueTask.FromResult(Interlocked.Increment(ref attempts))).AsTask();
        var delays = new List<TimeSpan>();
        for (var retry = 1; retry <= 3; retry++)
        {
            var delay = await clock.NextTimerAsync(_ => true);
            Assert.Equal(retry, Volatile.Read(ref attempts));
            Assert.False(call.IsCompleted);
            delays.Add(delay);
            clock.Advance(delay);
        }

        Assert.Equal(4, await call);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
    }

    private static RetryOptions Options(int maxAttempts, TimeSpan baseRetryDelay, TimeSpan maxRetryDelay) => new()
    {
        MaxAttempts = maxAttempts,
        BaseRetryDelay = baseRetryDelay,
        MaxRetryDelay = maxRetryDelay,
    };
}
