namespace Autoscaler.Grains.Services;

/// <summary>Metric values a target refused in one delivery, by limit (see <see cref="TargetWindows.Record"/>).</summary>
internal struct RefusedValues
{
    /// <summary>Values of new metric names past the metric limit.</summary>
    public int Metrics;

    /// <summary>Values of new instances past the instance limit.</summary>
    public int Instances;
}
