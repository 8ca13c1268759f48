using System.Globalization;
using System.Text;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.Tests;

/// <summary>Builds usage and demand-mode simulate inputs for the tests (hourly, from a Monday).</summary>
internal static class Traces
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly InstanceSize OneByTwo = new(1, 2);

    /// <summary>1 vCPU / 2 GiB on Fargate: 0.04048 + 2 × 0.004445 = 0.04937 per hour.</summary>
    public const double OneByTwoHourly = 0.04937;

    public static IReadOnlyList<UsageSample> Usage(int hours, Func<int, (int Instances, double Cpu, double? Memory)> at) =>
        [.. Enumerable.Range(0, hours).Select(h => { var (n, cpu, memory) = at(h); return new UsageSample(Monday.AddHours(h), n, cpu, memory); })];

    public static TargetProfile Profile(IReadOnlyList<UsageSample> usage, InstanceSize? size = null, SimulationRequest? demand = null) =>
        new("web", size ?? OneByTwo, SizePlatform.Fargate, PriceModel.FargateUsEast1, usage) { Demand = demand };

    /// <summary>A demand-mode request: CPU demand (percent of one 1-vCPU instance) per hour, a target-tracking policy at <paramref name="targetPercent"/>.</summary>
    public static SimulationRequest CpuDemand(int hours, Func<int, double> cpu, int targetPercent = 60, string target = """{ "current": 4, "min": 1, "max": 100 }""", int interval = 300)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""
            { "target": {{target}}, "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": {{targetPercent}} } } ],
              "evaluationIntervalSeconds": {{interval}}, "demand": { "cpu": { "perInstance": 100 } }, "trace": [
            """);
        for (var h = 0; h < hours; h++)
        {
            json.Append(h == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{ "at": "{{Monday.AddHours(h):yyyy-MM-ddTHH:mm:ssZ}}", "demand": { "cpu": {{Math.Round(cpu(h), 3)}} } }""");
        }

        return ScalingDocuments.ReadSimulation(Encoding.UTF8.GetBytes(json.Append("] }").ToString()));
    }

    /// <summary>Weekdays 09–17 UTC busy, otherwise quiet.</summary>
    public static bool BusyHour(int hour)
    {
        var at = Monday.AddHours(hour);
        return at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && at.Hour is >= 9 and < 17;
    }
}
