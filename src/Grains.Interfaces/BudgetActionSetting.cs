namespace Autoscaler.Grains.Interfaces;

/// <summary>One budget action of a scope: when the month-end spend forecast reaches <see cref="ThresholdPercent"/> of the
/// monthly budget, do <see cref="Action"/> once in the calendar month.</summary>
/// <param name="ThresholdPercent">Share of the monthly budget (above 0, at most 1000).</param>
/// <param name="Action"><c>notify</c> or <c>reduceMaxCapacity</c>.</param>
/// <param name="Step">For <c>reduceMaxCapacity</c>: how much to lower every target's max (at least 1; never below its min).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.BudgetActionSetting")]
public sealed record BudgetActionSetting(double ThresholdPercent, string Action, int Step = 0);
