using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>A policy set replayed against a recorded trace (the contract's <c>simulate</c> input).</summary>
/// <param name="Target">Starting capacity and bounds.</param>
/// <param name="PolicySet">Policies, behavior and safety settings.</param>
/// <param name="EvaluationIntervalSeconds">Time between evaluations.</param>
/// <param name="Trace">Recorded metrics, in time order; evaluations run from the first entry's time to the last's.</param>
public sealed record SimulationRequest(ScaleTarget Target, PolicySet PolicySet, int EvaluationIntervalSeconds, IReadOnlyList<TraceEntry> Trace)
{
    /// <summary>Most evaluations one simulation may run (two weeks at one a minute): every decision is kept for the output.</summary>
    public const int MaxEvaluations = 25_000;

    /// <summary>Time from a decision until its capacity is running.</summary>
    public int ActuationDelaySeconds { get; init; }

    /// <summary>Cost of one unit of capacity for one hour.</summary>
    public double UnitCostPerHour { get; init; }

    /// <summary>History before the trace starts; null for a target seen for the first time.</summary>
    public ScalingHistory? History { get; init; }
}
