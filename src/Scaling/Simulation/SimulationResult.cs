namespace Autoscaler.Scaling.Simulation;

/// <summary>The outcome of a simulation: every decision, the running capacity over time, totals.</summary>
public sealed record SimulationResult(IReadOnlyList<SimulatedDecision> Decisions, IReadOnlyList<CapacityPoint> Capacity, SimulationSummary Summary);
