using System.Threading.Channels;

namespace Autoscaler.Grains.KeepAlive;

/// <summary>
/// When the next keep-alive sweep runs: every <see cref="KeepAliveOptions.SweepSeconds"/>, and
/// <see cref="KeepAliveOptions.SettleSeconds"/> after the set of active silos changes (a silo joined, came back or was
/// lost), so targets move to a returning silo, and come back after a loss, without waiting for the next period.
/// </summary>
internal sealed class SweepSchedule : IDisposable
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PeriodicTimer _timer;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _settle;
    private string? _active;
    private Task<bool>? _tick;
    private Task<bool>? _changed;

    /// <summary>Creates the schedule on <paramref name="clock"/>.</summary>
    public SweepSchedule(KeepAliveOptions settings, TimeProvider clock)
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.SweepSeconds), clock);
        _clock = clock;
        _settle = TimeSpan.FromSeconds(settings.SettleSeconds);
    }

    /// <summary>Records the active silos (names, any order); a set different from the last one asks for a sweep.</summary>
    public void Observe(IEnumerable<string> active)
    {
        var key = string.Join(",", active.Order(StringComparer.Ordinal));
        if (key != _active)
        {
            _active = key;
            _changes.Writer.TryWrite(true);
        }
    }

    /// <summary>Waits until the next sweep is due: the next period, or the settle time after a change (changes during it
    /// are covered by that sweep). Throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires.</summary>
    public async Task NextAsync(CancellationToken cancellation)
    {
        _tick ??= _timer.WaitForNextTickAsync(cancellation).AsTask();
        _changed ??= _changes.Reader.WaitToReadAsync(cancellation).AsTask();
        var woke = await Task.WhenAny(_tick, _changed);
        await woke;
        if (woke == _tick)
        {
            _tick = null;
            return;
        }

        _changed = null;
        await Task.Delay(_settle, _clock, cancellation);
        _changes.Reader.TryRead(out _);
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();
}
