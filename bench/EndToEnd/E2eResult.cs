namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>One measured line of the end-to-end benchmark.</summary>
/// <param name="Scenario">What was measured.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Goal">The goal it is reported against, if any.</param>
/// <param name="Met">Whether the goal was met (null without a goal).</param>
/// <param name="Note">How it was measured, what limits it.</param>
internal sealed record E2eResult(string Scenario, double Value, string Unit, string? Goal, bool? Met, string Note);
