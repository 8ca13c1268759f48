using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Tuning;

/// <summary>
/// A search of a policy space on a trace (contract: <c>autoscaler tune</c>): every combination of the ranges is
/// simulated on <see cref="Base"/>'s trace, target and settings.
/// </summary>
/// <param name="Base">The demand-mode simulation every candidate runs on (its policy set is the baseline, possibly empty).</param>
/// <param name="Policies">The searched policies, in order.</param>
/// <param name="Behavior">The searched behavior (fixed fields and ranges).</param>
/// <param name="MaxUnderProvisionedPercent">The recommendation's limit on under-provisioned time, percent of the scored window.</param>
public sealed record TuneRequest(SimulationRequest Base, IReadOnlyList<SearchTemplate> Policies, SearchTemplate Behavior, double MaxUnderProvisionedPercent)
{
    /// <summary>Most candidates one search may hold.</summary>
    public const int MaxCandidates = 100_000;

    /// <summary>Top-level policy-set extensions of the input (<c>consensus</c>, <c>suspend</c>, ...), kept for every candidate.</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>True when the input had its own <c>policies</c>: they are simulated too, as the baseline.</summary>
    public bool HasBaseline { get; init; }

    /// <summary>How many combinations the ranges make.</summary>
    public long CandidateCount
    {
        get
        {
            long count = 1;
            foreach (var range in Policies.SelectMany(p => p.Ranges).Concat(Behavior.Ranges))
            {
                count = checked(count * range.Values.Count);
            }

            return count;
        }
    }
}
