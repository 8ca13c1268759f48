using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling.Cost;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.Schedules;

/// <summary>
/// Instances needed per UTC hour: from a demand trace, the largest ceil(demand ÷ perInstance) over metrics within the
/// hour; without one, the instances that ran. An hour without an entry keeps the previous hour's value.
/// </summary>
public static class HourlyNeed
{
    /// <summary>(hour start, instances needed) in time order.</summary>
    public static IReadOnlyList<(DateTimeOffset Hour, int Need)> Of(TargetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var points = profile.Demand is { IsDemandMode: true } demand
            ? demand.Trace.Select(e => (e.At, Need: Need(e, demand.Demand))).ToList()
            : profile.Usage.Select(u => (u.At, Need: u.Instances)).ToList();
        var hours = new List<(DateTimeOffset Hour, int Need)>();
        foreach (var (at, need) in points)
        {
            var hour = CostPeriod.HourStart(at);
            while (hours.Count > 0 && hours[^1].Hour.AddHours(1) < hour)
            {
                hours.Add((hours[^1].Hour.AddHours(1), hours[^1].Need));
            }

            if (hours.Count > 0 && hours[^1].Hour == hour)
            {
                hours[^1] = (hour, Math.Max(hours[^1].Need, need));
            }
            else
            {
                hours.Add((hour, need));
            }
        }

        return hours;
    }

    private static int Need(TraceEntry entry, IReadOnlyList<DemandMetric> metrics)
    {
        var need = 0;
        foreach (var metric in metrics)
        {
            if (entry.Demand!.TryGetValue(metric.Name, out var total))
            {
                need = Math.Max(need, (int)Math.Ceiling((total / metric.PerInstance) - 1e-9));
            }
        }

        return need;
    }
}
