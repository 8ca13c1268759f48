using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>A policy set replayed against a recorded trace (the contracts' <c>simulate</c> input).</summary>
/// <param name="Target">Starting capacity and bounds.</param>
/// <param name="PolicySet">Policies, behavior and safety settings.</param>
/// <param name="EvaluationIntervalSeconds">Time between evaluations.</param>
/// <param name="Trace">Recorded metrics or demand, in time order; evaluations run from the first entry's time to the last's.</param>
public sealed record SimulationRequest(ScaleTarget Target, PolicySet PolicySet, int EvaluationIntervalSeconds, IReadOnlyList<TraceEntry> Trace)
{
    /// <summary>
    /// Most evaluations one simulation may run (a year at one every 30 s). Memory stays bounded whatever the length when
    /// decisions are streamed to an observer instead of kept (<see cref="SimulationOptions.KeepDecisions"/>).
    /// </summary>
    public const int MaxEvaluations = 1_000_000;

    /// <summary>Time from a decision until its capacity is running.</summary>
    public int ActuationDelaySeconds { get; init; }

    /// <summary>Cost of one unit of capacity for one hour.</summary>
    public double UnitCostPerHour { get; init; }

    /// <summary>History before the trace starts; null for a target seen for the first time.</summary>
    public ScalingHistory? History { get; init; }

    /// <summary>Closed-loop metrics (demand mode); empty for an open-loop trace of recorded metrics.</summary>
    public IReadOnlyList<DemandMetric> Demand { get; init; } = [];

    /// <summary>What is scored.</summary>
    public ScoreWindow Score { get; init; } = ScoreWindow.Whole;

    /// <summary>
    /// The capacity that actually ran over the trace (a live target's export), scored beside the simulated run; null when
    /// unknown.
    /// </summary>
    public IReadOnlyList<CapacityPoint>? RecordedCapacity { get; init; }

    /// <summary>True when the trace carries demand rather than recorded metrics.</summary>
    public bool IsDemandMode => Demand.Count > 0;
}
