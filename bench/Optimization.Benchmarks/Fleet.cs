using Autoscaler.Optimization;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.Benchmarks;

/// <summary>Synthetic targets: 14 days of hourly CPU and memory demand (a daily cycle, quieter weekends, noise), target tracking at 60 %.</summary>
internal static class Fleet
{
    /// <summary>Hours of history per target (14 days).</summary>
    public const int HistoryHours = 24 * 14;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Target <paramref name="index"/>'s total CPU and memory demand for <paramref name="count"/> hours from
    /// <paramref name="start"/> (percent of one instance; the same series whatever the start).</summary>
    public static (DateTimeOffset At, double Cpu, double Memory)[] Hours(int index, DateTimeOffset start, int count)
    {
        var random = new Random(index);
        var peak = 200 + random.Next(1800);
        var phase = random.Next(24);
        var hours = new (DateTimeOffset, double, double)[count];
        for (var h = 0; h < count; h++)
        {
            var at = start.AddHours(h);
            var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
            var cpu = weekend * (0.55 + (0.45 * Math.Sin(2 * Math.PI * (h + phase) / 24))) * peak * (0.9 + (0.2 * random.NextDouble()));
            hours[h] = (at, cpu, 20 + (0.1 * cpu));
        }

        return hours;
    }

    public static TargetProfile Target(int index, int intervalSeconds)
    {
        var trace = Hours(index, Start, HistoryHours)
            .Select(h => TraceEntry.ForDemand(h.At, new Dictionary<string, double>(StringComparer.Ordinal) { ["cpu"] = h.Cpu, ["memory"] = h.Memory }))
            .ToList();
        var policy = new TargetTrackingPolicy("cpu", "cpu", new MetricTarget(TargetType.Utilization, 60));
        var request = new SimulationRequest(new ScaleTarget(4, 1, 100), new PolicySet([policy]), intervalSeconds, trace)
        {
            Demand = [new DemandMetric("cpu", 100), new DemandMetric("memory", 100)],
        };
        var usage = TraceUsage.Derive(request, "cpu", "memory");
        return new TargetProfile($"t{index}", new InstanceSize(1, 2), SizePlatform.Fargate, PriceModel.FargateUsEast1, usage) { Demand = request };
    }
}
