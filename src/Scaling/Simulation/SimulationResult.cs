namespace Autoscaler.Scaling.Simulation;

/// <summary>The outcome of a simulation: every decision (when kept), the running capacity over time, totals.</summary>
public sealed record SimulationResult(IReadOnlyList<SimulatedDecision> Decisions, IReadOnlyList<CapacityPoint> Capacity, SimulationSummary Summary)
{
    /// <summary>The input's recorded capacity (what actually ran), scored the same way; null when the input had none.</summary>
    public SimulationSummary? Recorded { get; init; }
}
