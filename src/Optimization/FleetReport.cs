using Autoscaler.Optimization.Efficiency;

namespace Autoscaler.Optimization;

/// <summary>Every target's report and the fleet's totals.</summary>
/// <param name="Targets">Per target, largest savings first.</param>
/// <param name="Efficiency">The fleet's waste and efficiency.</param>
public sealed record FleetReport(IReadOnlyList<OptimizationReport> Targets, EfficiencyReport Efficiency)
{
    /// <summary>Sum of the targets' monthly savings.</summary>
    public double MonthlySavings => Targets.Sum(t => t.MonthlySavings);
}
