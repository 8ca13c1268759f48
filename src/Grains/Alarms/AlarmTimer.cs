namespace Autoscaler.Grains.Alarms;

/// <summary>
/// An alarm's evaluation timer: fires a delay after every period boundary (multiples of the step since the Unix epoch).
/// It is re-armed for the next boundary after each tick rather than given a period, so ticks never drift from the
/// boundaries however long an evaluation takes.
/// </summary>
internal sealed class AlarmTimer(IGrainBase grain, TimeProvider clock, Func<Task> onTick)
{
    private IGrainTimer? _timer;
    private TimeSpan _step;
    private TimeSpan _delay;

    /// <summary>Ticks <paramref name="delay"/> after every multiple of <paramref name="step"/>; a running timer with the
    /// same step is left alone.</summary>
    public void Start(TimeSpan step, TimeSpan delay)
    {
        if (_timer is not null && _step == step && _delay == delay)
        {
            return;
        }

        _timer?.Dispose();
        _step = step;
        _delay = delay;
        _timer = grain.RegisterGrainTimer(
            static (timer, _) => timer.TickAsync(), this,
            new GrainTimerCreationOptions { DueTime = UntilNext(), Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = true });
    }

    /// <summary>Stops the timer.</summary>
    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>The latest multiple of <paramref name="step"/> at or before <paramref name="at"/>.</summary>
    public static DateTimeOffset Boundary(DateTimeOffset at, TimeSpan step) =>
        new(at.UtcTicks - (at.UtcTicks % step.Ticks), TimeSpan.Zero);

    private async Task TickAsync()
    {
        try
        {
            await onTick();
        }
        finally
        {
            _timer?.Change(UntilNext(), Timeout.InfiniteTimeSpan);
        }
    }

    private TimeSpan UntilNext()
    {
        var now = clock.GetUtcNow();
        var next = Boundary(now - _delay, _step) + _step + _delay - now;
        return next > TimeSpan.Zero ? next : _step;
    }
}
