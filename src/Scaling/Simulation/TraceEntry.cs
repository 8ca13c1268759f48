using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// One moment of a trace: recorded <see cref="Metrics"/> (open loop, replayed as they were) or total
/// <see cref="Demand"/> per metric (closed loop: spread over the capacity the simulation runs). Either holds until the
/// next entry.
/// </summary>
/// <param name="At">When the entry starts to hold.</param>
/// <param name="Metrics">Recorded readings (empty in demand mode).</param>
public sealed record TraceEntry(DateTimeOffset At, IReadOnlyDictionary<string, MetricReading> Metrics)
{
    /// <summary>Total demand per metric from <see cref="At"/> until the next entry; null for an open-loop entry.</summary>
    public IReadOnlyDictionary<string, double>? Demand { get; init; }

    /// <summary>A demand-mode entry.</summary>
    public static TraceEntry ForDemand(DateTimeOffset at, IReadOnlyDictionary<string, double> demand) =>
        new(at, EmptyMetrics) { Demand = demand };

    private static readonly IReadOnlyDictionary<string, MetricReading> EmptyMetrics = new Dictionary<string, MetricReading>(StringComparer.Ordinal);
}
