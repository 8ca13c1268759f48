namespace Autoscaler.Optimization.Efficiency;

/// <summary>What "efficient" means for a fleet (seed defaults: &lt; $0.10 per agent-hour, &lt; 50 % waste, &gt; 80 % utilization).</summary>
public sealed record EfficiencyGoals
{
    /// <summary>The defaults.</summary>
    public static EfficiencyGoals Default { get; } = new();

    /// <summary>Highest acceptable cost of one agent (or, without an agent count, one instance) for one hour.</summary>
    public double MaxCostPerAgentHour { get; init; } = 0.10;

    /// <summary>Highest acceptable waste, percent of cost.</summary>
    public double MaxWastePercent { get; init; } = 50;

    /// <summary>Lowest acceptable CPU utilization, percent.</summary>
    public double MinUtilizationPercent { get; init; } = 80;

    /// <summary>Why the goals are unusable, or null.</summary>
    public string? Problem() =>
        MaxCostPerAgentHour <= 0 ? "maxCostPerAgentHour must be positive"
        : MaxWastePercent is < 0 or > 100 || MinUtilizationPercent is < 0 or > 100 ? "percent goals must be in [0, 100]"
        : null;
}
