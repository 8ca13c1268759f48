namespace Autoscaler.Optimization.Efficiency;

/// <summary>Provisioned against used, for one target or a fleet.</summary>
/// <param name="Cost">On-demand cost over the window.</param>
/// <param name="Hours">Length of the window.</param>
/// <param name="CpuUtilizationPercent">vCPU-hours used ÷ vCPU-hours provisioned.</param>
/// <param name="MemoryUtilizationPercent">GiB-hours used ÷ provisioned; null when memory is not measured.</param>
/// <param name="Efficiency">0–1: utilization weighted by what each resource costs (CPU alone without a size or memory data).</param>
/// <param name="AgentHours">Agent-hours served (instance-hours where agents are not reported).</param>
/// <param name="Goals">The goals compared against.</param>
public sealed record EfficiencyReport(
    double Cost, double Hours, double CpuUtilizationPercent, double? MemoryUtilizationPercent, double Efficiency, double AgentHours, EfficiencyGoals Goals)
{
    /// <summary>Share of cost paid for capacity nobody used, percent.</summary>
    public double WastePercent => 100 * (1 - Efficiency);

    /// <summary>Cost of unused capacity over the window.</summary>
    public double WastedCost => Cost * (1 - Efficiency);

    /// <summary>Cost ÷ agent-hours; 0 when nothing ran.</summary>
    public double CostPerAgentHour => AgentHours > 0 ? Cost / AgentHours : 0;

    /// <summary>True when every goal is met.</summary>
    public bool MeetsGoals =>
        CostPerAgentHour <= Goals.MaxCostPerAgentHour && WastePercent <= Goals.MaxWastePercent && CpuUtilizationPercent >= Goals.MinUtilizationPercent;
}
