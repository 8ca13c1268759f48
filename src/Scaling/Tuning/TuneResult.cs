using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Tuning;

/// <summary>What a search found.</summary>
/// <param name="Evaluated">Candidates simulated.</param>
/// <param name="Invalid">Candidates the policy reader refused (a combination out of a kind's rules); not simulated.</param>
/// <param name="FirstInvalid">The first refused candidate's error, for the user; null when none.</param>
/// <param name="All">Every simulated candidate, in enumeration order (for charts).</param>
/// <param name="Frontier">The Pareto set over (capacity-hours, under-provisioned seconds), cheapest first.</param>
/// <param name="Recommended">The recommendation; null when nothing could be simulated.</param>
/// <param name="Why">Why it was chosen.</param>
public sealed record TuneResult(
    int Evaluated, int Invalid, string? FirstInvalid, IReadOnlyList<TunedCandidate> All, IReadOnlyList<TunedCandidate> Frontier,
    TunedCandidate? Recommended, string Why)
{
    /// <summary>The input's own policies, simulated on the same trace; null when it had none.</summary>
    public SimulationSummary? Baseline { get; init; }
}
