using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Tuning;

/// <summary>One simulated candidate: its runnable policies and behavior (JSON) and what they scored.</summary>
/// <param name="Index">Position in the search's enumeration (ties go to the earlier one).</param>
/// <param name="PoliciesJson">The candidate's <c>policies</c> array, ready to paste into a target.</param>
/// <param name="BehaviorJson">The candidate's <c>behavior</c> object.</param>
/// <param name="Summary">The simulation's summary.</param>
public sealed record TunedCandidate(int Index, string PoliciesJson, string BehaviorJson, SimulationSummary Summary)
{
    /// <summary>Under-provisioned seconds (0 outside demand mode).</summary>
    public double UnderProvisioned => Summary.Demand?.UnderProvisionedSeconds ?? 0;

    /// <summary>Under-provisioned time as a percentage of the scored window.</summary>
    public double UnderProvisionedPercent => Summary.Demand?.UnderProvisionedPercent ?? 0;
}
