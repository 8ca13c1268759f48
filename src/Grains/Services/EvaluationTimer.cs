using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Services;

/// <summary>A target's evaluation timer: one non-interleaving grain timer at the target's interval, restarted only when
/// the interval changes.</summary>
internal sealed class EvaluationTimer(IGrainBase grain, Func<Task> onTick)
{
    private IGrainTimer? _timer;
    private int _seconds;

    /// <summary>Runs <c>onTick</c> every <paramref name="seconds"/> (first after one period).</summary>
    public void Start(int seconds)
    {
        if (_timer is not null && _seconds == seconds)
        {
            return;
        }

        _timer?.Dispose();
        _seconds = seconds;
        var period = TimeSpan.FromSeconds(seconds);
        _timer = grain.RegisterGrainTimer(
            static (tick, _) => tick(), onTick, new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = false, KeepAlive = true });
    }

    /// <summary>Starts at the interval <paramref name="definition"/> asks for; does nothing for an unregistered target.</summary>
    public void StartFor(TargetDefinition? definition)
    {
        if (definition is not null)
        {
            Start(definition.EvaluationIntervalSeconds);
        }
    }

    /// <summary>Stops the timer.</summary>
    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
