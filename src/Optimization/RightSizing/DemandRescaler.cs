using Autoscaler.Optimization.Sizing;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.RightSizing;

/// <summary>
/// A target's demand trace as it would look with another instance size. CPU and memory demand are in percent of one
/// instance, so they scale by old size ÷ new size; any other metric (requests, queue items) keeps its totals and an
/// instance serves it in proportion to its vCPU. Bounds keep the same total capacity (min and max × the vCPU ratio,
/// rounded up; a positive minimum stays at least 1).
/// </summary>
public static class DemandRescaler
{
    /// <summary>The request for <paramref name="to"/> instances instead of <paramref name="from"/> ones.</summary>
    public static SimulationRequest For(SimulationRequest request, InstanceSize from, InstanceSize to, string cpuMetric, string memoryMetric)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cpuRatio = from.Vcpu / to.Vcpu;
        var memoryRatio = from.MemoryGiB / to.MemoryGiB;
        double Factor(string metric) => metric == cpuMetric ? cpuRatio : metric == memoryMetric ? memoryRatio : 1;
        var trace = request.Trace
            .Select(e => e.Demand is null ? e : TraceEntry.ForDemand(e.At, e.Demand.ToDictionary(d => d.Key, d => d.Value * Factor(d.Key), StringComparer.Ordinal)))
            .ToList();
        var demand = request.Demand
            .Select(m => m.Name == cpuMetric || m.Name == memoryMetric ? m : m with { PerInstance = m.PerInstance / cpuRatio })
            .ToList();
        var target = request.Target;
        return request with
        {
            Trace = trace,
            Demand = demand,
            Target = new(Scale(target.Current, cpuRatio), Scale(target.Min, cpuRatio), Math.Max(Scale(target.Max, cpuRatio), Scale(target.Min, cpuRatio))),
            History = null,
            RecordedCapacity = null,
        };
    }

    /// <summary><paramref name="count"/> × <paramref name="ratio"/> rounded up (a tiny slack keeps 4 × 0.5 at 2); a positive count stays ≥ 1.</summary>
    public static int Scale(int count, double ratio) => count <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling((count * ratio) - 1e-9));
}
