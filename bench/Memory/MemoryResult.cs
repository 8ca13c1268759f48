namespace Autoscaler.Memory.Benchmarks;

/// <summary>One measured line of the memory benchmark.</summary>
/// <param name="Scenario">What was measured.</param>
/// <param name="Targets">Targets (or activations) the delta is divided by.</param>
/// <param name="BytesPerTarget">Managed heap delta divided by <paramref name="Targets"/>.</param>
/// <param name="Goal">The goal it is reported against, if any.</param>
/// <param name="Met">Whether the goal was met (null without a goal).</param>
/// <param name="Note">How it was measured, what it includes.</param>
internal sealed record MemoryResult(string Scenario, int Targets, double BytesPerTarget, string? Goal, bool? Met, string Note);
