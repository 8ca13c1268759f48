using Autoscaler.Optimization.Usage;

namespace Autoscaler.Optimization.Efficiency;

/// <summary>
/// Waste and efficiency from usage: each sample's instances × size × hours is provisioned, × utilization is used.
/// Efficiency weights CPU and memory utilization by the share of the price each carries (a 1 vCPU / 2 GiB Fargate task:
/// about 82 % CPU); a fleet's report sums its targets' hours, costs and used shares.
/// </summary>
public static class EfficiencyCalculator
{
    /// <summary>The report for one target.</summary>
    public static EfficiencyReport For(TargetProfile profile, EfficiencyGoals goals)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(goals);
        var usage = profile.Usage;
        var size = profile.Size;
        var price = profile.Prices.HourlyPrice(size);
        var cpuShare = size is { } s && price > 0 ? s.Vcpu * profile.Prices.VcpuHour / price : 1;
        double hours = 0, instanceHours = 0, cpuUsed = 0, memoryUsed = 0, memoryHours = 0, agentHours = 0;
        for (var i = 0; i < usage.Count; i++)
        {
            var h = UsageSeries.HoursOf(usage, i);
            var running = usage[i].Instances * h;
            hours += h;
            instanceHours += running;
            cpuUsed += running * usage[i].CpuPercent / 100;
            agentHours += (usage[i].Agents ?? usage[i].Instances) * h;
            if (usage[i].MemoryPercent is { } m)
            {
                memoryHours += running;
                memoryUsed += running * m / 100;
            }
        }

        var cpu = instanceHours > 0 ? Math.Min(1, cpuUsed / instanceHours) : 0;
        double? memory = memoryHours > 0 ? Math.Min(1, memoryUsed / memoryHours) : null;
        var efficiency = memory is { } mem && size is not null ? (cpuShare * cpu) + ((1 - cpuShare) * mem) : cpu;
        return new EfficiencyReport(instanceHours * price, hours, 100 * cpu, memory * 100, efficiency, agentHours, goals);
    }

    /// <summary>A fleet's report: costs and agent-hours add up, utilization and efficiency are cost-weighted.</summary>
    public static EfficiencyReport Fleet(IReadOnlyList<EfficiencyReport> targets, EfficiencyGoals goals)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var cost = targets.Sum(t => t.Cost);
        double Weighted(Func<EfficiencyReport, double> value) => cost > 0 ? targets.Sum(t => value(t) * t.Cost) / cost : 0;
        var withMemory = targets.Where(t => t.MemoryUtilizationPercent is not null).ToList();
        var memoryCost = withMemory.Sum(t => t.Cost);
        double? memory = memoryCost > 0 ? withMemory.Sum(t => t.MemoryUtilizationPercent!.Value * t.Cost) / memoryCost : null;
        return new EfficiencyReport(
            cost, targets.Count > 0 ? targets.Max(t => t.Hours) : 0, Weighted(t => t.CpuUtilizationPercent), memory, Weighted(t => t.Efficiency), targets.Sum(t => t.AgentHours), goals);
    }
}
