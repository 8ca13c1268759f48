namespace Autoscaler.Scaling.Simulation;

/// <summary>Totals over the scored part of a simulation (the whole trace unless a <see cref="ScoreWindow"/> says otherwise).</summary>
/// <param name="Evaluations">Evaluations run (warm-up included).</param>
/// <param name="ScaleOuts">Decisions within the scored window that raised capacity.</param>
/// <param name="ScaleIns">Decisions within the scored window that lowered capacity.</param>
/// <param name="CapacityHours">Running capacity integrated over the scored window, in unit-hours.</param>
/// <param name="Cost">CapacityHours × unit cost per hour.</param>
/// <param name="SecondsAboveTarget">Per policy with a target level: seconds its metric was above it.</param>
/// <param name="PeakCapacity">Highest running capacity in the scored window.</param>
/// <param name="LowestCapacity">Lowest running capacity in the scored window.</param>
public sealed record SimulationSummary(
    int Evaluations,
    int ScaleOuts,
    int ScaleIns,
    double CapacityHours,
    double Cost,
    IReadOnlyDictionary<string, double> SecondsAboveTarget,
    int PeakCapacity,
    int LowestCapacity)
{
    /// <summary>Start of the scored window.</summary>
    public DateTimeOffset ScoredFrom { get; init; }

    /// <summary>End of the scored window (exclusive).</summary>
    public DateTimeOffset ScoredTo { get; init; }

    /// <summary>Demand mode: what was measured against demand; null for an open-loop trace.</summary>
    public DemandScore? Demand { get; init; }

    /// <summary>Scale-outs plus scale-ins.</summary>
    public int Actions => ScaleOuts + ScaleIns;
}
