namespace Autoscaler.Scaling.Simulation;

/// <summary>Totals over a simulation.</summary>
/// <param name="Evaluations">Evaluations run.</param>
/// <param name="ScaleOuts">Decisions that raised capacity.</param>
/// <param name="ScaleIns">Decisions that lowered capacity.</param>
/// <param name="CapacityHours">Running capacity integrated over the trace's span, in unit-hours.</param>
/// <param name="Cost">CapacityHours × unit cost per hour.</param>
/// <param name="SecondsAboveTarget">Per policy with a target level: seconds its metric was above it.</param>
/// <param name="PeakCapacity">Highest running capacity.</param>
/// <param name="LowestCapacity">Lowest running capacity.</param>
public sealed record SimulationSummary(
    int Evaluations,
    int ScaleOuts,
    int ScaleIns,
    double CapacityHours,
    double Cost,
    IReadOnlyDictionary<string, double> SecondsAboveTarget,
    int PeakCapacity,
    int LowestCapacity);
