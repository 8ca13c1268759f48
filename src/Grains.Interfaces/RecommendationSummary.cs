namespace Autoscaler.Grains.Interfaces;

/// <summary>The fleet's cost picture at the last recompute (the Optimize tab's header).</summary>
/// <param name="MonthlyCost">What the fleet costs per month at the rate of the look-back.</param>
/// <param name="MonthlySavings">What the open right-size and purchase recommendations save per month together.</param>
/// <param name="WastePercent">Share of cost paid for capacity nobody used.</param>
/// <param name="Efficiency">0–1, utilization weighted by what each resource costs.</param>
/// <param name="CostPerAgentHour">Cost ÷ agent-hours.</param>
/// <param name="GoalCostPerAgentHour">The goal it is compared against.</param>
/// <param name="ComputedAt">When.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationSummary")]
public sealed record RecommendationSummary(
    double MonthlyCost, double MonthlySavings, double WastePercent, double Efficiency, double CostPerAgentHour, double GoalCostPerAgentHour, DateTimeOffset ComputedAt);
