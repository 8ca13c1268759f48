namespace Autoscaler.Scaling.Metrics;

/// <summary>The result of one aggregation query over a window.</summary>
/// <param name="Value">The aggregate; <see cref="double.NaN"/> when there is no data (except <see cref="Aggregation.Count"/>, 0).</param>
/// <param name="SampleCount">How many samples the query covered.</param>
public readonly record struct WindowAggregate(double Value, int SampleCount)
{
    /// <summary>A result with no data.</summary>
    public static WindowAggregate Empty => new(double.NaN, 0);

    /// <summary>True when the value is backed by samples.</summary>
    public bool HasData => SampleCount > 0 && !double.IsNaN(Value);
}
