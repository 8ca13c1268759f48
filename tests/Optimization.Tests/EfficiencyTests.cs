using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Usage;

namespace Autoscaler.Optimization.Tests;

public sealed class EfficiencyTests
{
    [Fact]
    public void WasteAndEfficiencyFollowTheHandComputation()
    {
        // 2 × 1 vCPU / 2 GiB for 10 hours at 40 % CPU, 50 % memory, 5 agents busy.
        var usage = Traces.Usage(10, _ => (2, 40, 50)).Select(u => u with { Agents = 5 }).ToList();
        var report = EfficiencyCalculator.For(Traces.Profile(usage), EfficiencyGoals.Default);
        var cpuShare = 0.04048 / Traces.OneByTwoHourly;
        Assert.Equal(20 * Traces.OneByTwoHourly, report.Cost, 12);
        Assert.Equal(40, report.CpuUtilizationPercent, 9);
        Assert.Equal(50, report.MemoryUtilizationPercent!.Value, 9);
        Assert.Equal((cpuShare * 0.4) + ((1 - cpuShare) * 0.5), report.Efficiency, 12);
        Assert.Equal(100 * (1 - report.Efficiency), report.WastePercent, 9);
        Assert.Equal(20 * Traces.OneByTwoHourly / 50, report.CostPerAgentHour, 12);
        Assert.False(report.MeetsGoals); // 40 % utilization < 80 %, waste ≈ 58 % > 50 %
    }

    [Fact]
    public void ABusyCheapPoolMeetsTheSeedGoals()
    {
        var usage = Traces.Usage(10, _ => (4, 90, 85)).Select(u => u with { Agents = 8 }).ToList();
        var report = EfficiencyCalculator.For(Traces.Profile(usage), EfficiencyGoals.Default);
        Assert.True(report.CostPerAgentHour < 0.10);
        Assert.True(report.WastePercent < 50);
        Assert.True(report.MeetsGoals);
    }

    [Fact]
    public void WithoutAgentsEachInstanceCountsAsOneAndTheFleetIsCostWeighted()
    {
        var small = EfficiencyCalculator.For(Traces.Profile(Traces.Usage(10, _ => (1, 20, null))), EfficiencyGoals.Default);
        var large = EfficiencyCalculator.For(Traces.Profile(Traces.Usage(10, _ => (3, 60, null))), EfficiencyGoals.Default);
        Assert.Equal(10, small.AgentHours);
        Assert.Equal(0.2, small.Efficiency, 12);
        Assert.Null(small.MemoryUtilizationPercent);
        var fleet = EfficiencyCalculator.Fleet([small, large], EfficiencyGoals.Default);
        Assert.Equal(small.Cost + large.Cost, fleet.Cost, 12);
        Assert.Equal(((0.2 * 1) + (0.6 * 3)) / 4, fleet.Efficiency, 12);
        Assert.Equal(40, fleet.AgentHours);
    }

    [Fact]
    public void UsageSamplesHoldUntilTheNext()
    {
        List<UsageSample> usage = [new(Traces.Monday, 1, 10, null), new(Traces.Monday.AddHours(2), 1, 10, null), new(Traces.Monday.AddHours(3), 1, 10, null)];
        Assert.Equal(2, UsageSeries.HoursOf(usage, 0));
        Assert.Equal(1, UsageSeries.HoursOf(usage, 2));
        Assert.Equal(4.0 / 24, UsageSeries.Days(usage), 12);
    }
}
