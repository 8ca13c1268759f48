using Autoscaler.Grains.KeepAlive;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Grains.Tests.KeepAlive;

/// <summary>When a silo sweeps: every period, and soon after the active silos change (so a returning silo gets its targets
/// back without waiting a whole period).</summary>
public sealed class SweepScheduleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new();
    private readonly KeepAliveOptions _settings = new() { SweepSeconds = 60, SettleSeconds = 10 };

    [Fact]
    public async Task Without_a_change_the_sweep_runs_once_a_period()
    {
        using var schedule = new SweepSchedule(_settings, _clock);

        var next = schedule.NextAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var early = next.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(Bound);

        Assert.False(early);
    }

    [Fact]
    public async Task A_silo_joining_brings_the_sweep_forward_to_the_settle_time()
    {
        using var schedule = new SweepSchedule(_settings, _clock);
        schedule.Observe(["a", "b"]);

        var next = schedule.NextAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(9));
        var early = next.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(Bound);

        Assert.False(early);
    }

    [Fact]
    public async Task The_same_silos_listed_again_in_another_order_are_no_change()
    {
        using var schedule = new SweepSchedule(_settings, _clock);
        schedule.Observe(["a", "b"]);
        var first = schedule.NextAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await first.WaitAsync(Bound);

        schedule.Observe(["b", "a"]);
        var second = schedule.NextAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var afterSettle = second.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(40)); // the period, 60 s after the start
        await second.WaitAsync(Bound);

        Assert.False(afterSettle);
    }

    [Fact]
    public async Task Stopping_ends_the_wait()
    {
        using var schedule = new SweepSchedule(_settings, _clock);
        using var stopping = new CancellationTokenSource();

        var next = schedule.NextAsync(stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Bound));
    }
}
