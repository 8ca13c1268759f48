using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Purchase;
using Autoscaler.Optimization.RightSizing;
using Autoscaler.Optimization.Schedules;

namespace Autoscaler.Optimization;

/// <summary>Runs every recommendation for a target or a fleet. Pure: same profiles in, same reports out.</summary>
public static class Optimizer
{
    /// <summary>The report for one target.</summary>
    public static OptimizationReport Optimize(TargetProfile profile, OptimizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        if (profile.Usage.Count == 0)
        {
            notes.Add($"no usage: the trace carries no \"{profile.CpuMetric}\" demand and no usage was given (right-size and purchase options skipped)");
        }
        else if (profile.Size is null)
        {
            notes.Add("no instance size: priced by the unit price, right-sizing skipped");
        }

        if (profile.Demand is not { IsDemandMode: true })
        {
            notes.Add("no demand trace: counts and schedules are not simulated");
        }

        return new OptimizationReport(
            profile.Name,
            RightSizer.Recommend(profile, options.RightSize),
            ScheduleDetector.Recommend(profile, options.Schedule),
            PurchaseAdvisor.Recommend(profile, options.Purchase),
            EfficiencyCalculator.For(profile, options.Goals),
            notes);
    }

    /// <summary>The fleet's report, targets with the largest savings first.</summary>
    public static FleetReport Fleet(IEnumerable<TargetProfile> profiles, OptimizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(options);
        var reports = profiles.Select(p => Optimize(p, options)).OrderByDescending(r => r.MonthlySavings).ToList();
        return new FleetReport(reports, EfficiencyCalculator.Fleet([.. reports.Select(r => r.Efficiency)], options.Goals));
    }
}
