namespace Autoscaler.Scaling.Model;

/// <summary>
/// What is known about one metric at evaluation time: per-instance samples, or one aggregate value, and optionally the
/// recent series (the contract's <c>samples</c> extension) that window aggregations and forecasts read.
/// </summary>
/// <param name="Value">The aggregate value (a queue length, a request rate); null when only instances or samples are given.</param>
/// <param name="Instances">Per-instance samples; null when the metric is an aggregate.</param>
/// <param name="Samples">Recent points of the metric's aggregate, oldest first; null when not given.</param>
public sealed record MetricReading(double? Value, IReadOnlyList<InstanceSample>? Instances, IReadOnlyList<MetricPoint>? Samples)
{
    /// <summary>An aggregate reading.</summary>
    public static MetricReading Aggregate(double value) => new(value, null, null);

    /// <summary>A per-instance reading.</summary>
    public static MetricReading PerInstance(IReadOnlyList<InstanceSample> instances) => new(null, instances, null);

    /// <summary>
    /// The single number this reading stands for: <see cref="Value"/>, else the mean of the instances' samples, else the
    /// latest point of <see cref="Samples"/>; null when none exists.
    /// </summary>
    public double? Scalar()
    {
        if (Value is { } value)
        {
            return value;
        }

        if (Instances is { Count: > 0 } instances)
        {
            var sum = 0.0;
            var count = 0;
            for (var i = 0; i < instances.Count; i++)
            {
                if (instances[i].Value is { } sample)
                {
                    sum += sample;
                    count++;
                }
            }

            return count == 0 ? null : sum / count;
        }

        return Samples is { Count: > 0 } samples ? samples[^1].Value : null;
    }
}
