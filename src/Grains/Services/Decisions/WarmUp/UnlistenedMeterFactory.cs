using System.Diagnostics.Metrics;

namespace Autoscaler.Grains.Services.Decisions.WarmUp;

/// <summary>
/// Meters nobody exports: whatever name is asked for, the meter is named <see cref="MeterName"/>, so the warm-up's
/// throwaway decision is counted in no metric the silo exports. Disposing the factory disposes its meters.
/// </summary>
internal sealed class UnlistenedMeterFactory : IMeterFactory
{
    /// <summary>The one name of this factory's meters.</summary>
    public const string MeterName = "Autoscaler.WarmUp.Throwaway";

    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(MeterName);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
