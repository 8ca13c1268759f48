using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.Usage;

/// <summary>
/// Usage read off a demand trace (the trace export of a live target): per entry, the instances that ran (the trace's
/// recorded capacity, else what the target's policies run in simulation) and CPU and memory per instance = demand ÷
/// instances ÷ perInstance, in percent of one instance. These are hourly means, not per-instance peaks; the right-sizer's margins
/// cover the difference, and explicit usage with peaks can be given instead.
/// </summary>
public static class TraceUsage
{
    /// <summary>The samples; empty when the trace carries no demand for <paramref name="cpuMetric"/>.</summary>
    public static IReadOnlyList<UsageSample> Derive(SimulationRequest request, string cpuMetric, string memoryMetric)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsDemandMode || !request.Demand.Any(m => m.Name == cpuMetric))
        {
            return [];
        }

        var capacity = request.RecordedCapacity is { Count: > 0 } recorded
            ? recorded
            : Simulator.Run(request, SimulationOptions.SummaryOnly).Capacity;
        var cpuPer = request.Demand.First(m => m.Name == cpuMetric).PerInstance / 100;
        var memoryPer = request.Demand.FirstOrDefault(m => m.Name == memoryMetric)?.PerInstance / 100;
        var samples = new List<UsageSample>(request.Trace.Count);
        var point = 0;
        foreach (var entry in request.Trace)
        {
            while (point + 1 < capacity.Count && capacity[point + 1].At <= entry.At)
            {
                point++;
            }

            var running = capacity[point].At <= entry.At ? capacity[point].Capacity : request.Target.Current;
            if (running <= 0 || entry.Demand is null || !entry.Demand.TryGetValue(cpuMetric, out var cpu))
            {
                continue;
            }

            double? memory = memoryPer is { } per && entry.Demand.TryGetValue(memoryMetric, out var m) ? m / running / per : null;
            samples.Add(new UsageSample(entry.At, running, cpu / running / cpuPer, memory));
        }

        return samples;
    }
}
