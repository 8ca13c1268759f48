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
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static TargetProfile Target(int index, int intervalSeconds)
    {
        var random = new Random(index);
        var peak = 200 + random.Next(1800);
        var phase = random.Next(24);
        var trace = new List<TraceEntry>(24 * 14);
        for (var h = 0; h < 24 * 14; h++)
        {
            var at = Start.AddHours(h);
            var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
            var cpu = weekend * (0.55 + (0.45 * Math.Sin(2 * Math.PI * (h + phase) / 24))) * peak * (0.9 + (0.2 * random.NextDouble()));
            trace.Add(TraceEntry.ForDemand(at, new Dictionary<string, double>(StringComparer.Ordinal) { ["cpu"] = cpu, ["memory"] = 20 + (0.1 * cpu) }));
        }

        var policy = new TargetTrackingPolicy("cpu", "cpu", new MetricTarget(TargetType.Utilization, 60));
        var request = new SimulationRequest(new ScaleTarget(4, 1, 100), new PolicySet([policy]), intervalSeconds, trace)
        {
            Demand = [new DemandMetric("cpu", 100), new DemandMetric("memory", 100)],
        };
        var usage = TraceUsage.Derive(request, "cpu", "memory");
        return new TargetProfile($"t{index}", new InstanceSize(1, 2), SizePlatform.Fargate, PriceModel.FargateUsEast1, usage) { Demand = request };
    }
}
