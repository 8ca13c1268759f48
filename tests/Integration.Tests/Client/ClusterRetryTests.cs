using Autoscaler.Client;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;

namespace Autoscaler.Integration.Tests.Client;

/// <summary>
/// Issue 13, defect 10: a grain call that fails because a silo is leaving (rolling restart) is retried with backoff by
/// the SDK; other failures and the last transient one reach the caller. Time runs on a fake clock.
/// </summary>
public sealed class ClusterRetryTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly AutoscalerClientOptions _options = new() { MaxAttempts = 4, RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(4) };

    [Fact]
    public async Task A_call_failing_with_silo_unavailable_is_retried_with_backoff_until_it_succeeds()
    {
        var retry = new ClusterRetry(_options, _clock);
        var attempts = 0;

        var call = retry.RunAsync(
            () => ++attempts < 3 ? Task.FromException<int>(new SiloUnavailableException("silo is shutting down")) : Task.FromResult(42),
            CancellationToken.None);
        // Step the fake clock until the call ends, letting the retry loop reach its next delay in between (bounded).
        for (var i = 0; i < 2_000 && !call.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
        }

        Assert.Equal(42, await call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_a_lasting_outage_ends_after_the_last_attempt()
    {
        var retry = new ClusterRetry(_options, _clock);
        var refusals = 0;
        await Assert.ThrowsAsync<ArgumentException>(() => retry.RunAsync<int>(() =>
        {
            refusals++;
            throw new ArgumentException("min: must be zero or more");
        }, CancellationToken.None));
        Assert.Equal(1, refusals);

        var attempts = 0;
        var call = retry.RunAsync<int>(() =>
        {
            attempts++;
            throw new SiloUnavailableException("gone");
        }, CancellationToken.None);
        // Step the fake clock until the call ends, letting the retry loop reach its next delay in between (bounded).
        for (var i = 0; i < 2_000 && !call.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
        }

        await Assert.ThrowsAsync<SiloUnavailableException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(4, attempts);
    }
}
