using System.Text;
using System.Text.Json.Nodes;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Tuning;

/// <summary>
/// Searches a policy space on a trace: every combination of the ranges (enumerated in order, the last range varying
/// fastest) is read through the ordinary policy reader and simulated summary-only on the shared trace, candidates spread
/// over <c>parallelism</c> threads (each simulation is single-threaded and independent, so results do not depend on the
/// thread count). The frontier is the Pareto set over (capacity-hours, under-provisioned seconds), cheapest first; the
/// recommendation is the cheapest candidate within <see cref="TuneRequest.MaxUnderProvisionedPercent"/>, else the least
/// under-provisioned. Ties go to fewer actions, then to the earlier candidate.
/// </summary>
public static class PolicyTuner
{
    /// <summary>Runs the search; <paramref name="progress"/> is called with the number of candidates done (from any thread).</summary>
    public static TuneResult Run(TuneRequest request, int parallelism, Action<int>? progress = null, PolicyParserRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        registry ??= PolicyParserRegistry.Default;
        var count = (int)request.CandidateCount;
        var results = new TunedCandidate?[count];
        var errors = new string?[count];
        var done = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, index =>
        {
            var (policies, behavior) = Candidate(request, index);
            var document = Document(policies, behavior, request.Extensions);
            try
            {
                var set = ScalingDocuments.Parse(Encoding.UTF8.GetBytes(document), root => PolicySetReader.Read(root, registry));
                var summary = Simulator.Run(request.Base with { PolicySet = set }, SimulationOptions.SummaryOnly).Summary;
                results[index] = new TunedCandidate(index, policies.ToJsonString(), behavior.ToJsonString(), summary);
            }
            catch (ScalingInputException error)
            {
                errors[index] = $"candidate {index}: {error.Errors[0]}";
            }

            progress?.Invoke(Interlocked.Increment(ref done));
        });

        var all = results.OfType<TunedCandidate>().ToList();
        var frontier = Frontier(all);
        var (recommended, why) = Recommend(all, request.MaxUnderProvisionedPercent);
        return new TuneResult(all.Count, count - all.Count, errors.FirstOrDefault(e => e is not null), all, frontier, recommended, why)
        {
            Baseline = request.HasBaseline ? Simulator.Run(request.Base, SimulationOptions.SummaryOnly).Summary : null,
        };
    }

    /// <summary>The Pareto set over (capacity-hours, under-provisioned seconds), cheapest first.</summary>
    public static IReadOnlyList<TunedCandidate> Frontier(IEnumerable<TunedCandidate> candidates)
    {
        var frontier = new List<TunedCandidate>();
        var best = double.PositiveInfinity;
        foreach (var candidate in candidates.OrderBy(c => c.Summary.CapacityHours).ThenBy(c => c.UnderProvisioned).ThenBy(c => c.Summary.Actions).ThenBy(c => c.Index))
        {
            if (candidate.UnderProvisioned < best)
            {
                frontier.Add(candidate);
                best = candidate.UnderProvisioned;
            }
        }

        return frontier;
    }

    /// <summary>The candidate's policies and behavior: the templates with the candidate's values set.</summary>
    public static (JsonArray Policies, JsonObject Behavior) Candidate(TuneRequest request, int index)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policies = new JsonArray();
        var templates = request.Policies.Append(request.Behavior).ToList();
        var documents = templates.Select(t => t.Fixed.DeepClone().AsObject()).ToList();

        // Mixed radix, the last range of the last template varying fastest.
        var rest = index;
        for (var t = templates.Count - 1; t >= 0; t--)
        {
            for (var r = templates[t].Ranges.Count - 1; r >= 0; r--)
            {
                var range = templates[t].Ranges[r];
                JsonPaths.Set(documents[t], range.Path, range.Values[rest % range.Values.Count]);
                rest /= range.Values.Count;
            }
        }

        for (var t = 0; t < request.Policies.Count; t++)
        {
            policies.Add(documents[t]);
        }

        return (policies, documents[^1]);
    }

    private static (TunedCandidate? Candidate, string Why) Recommend(IReadOnlyList<TunedCandidate> all, double maxUnder)
    {
        var within = all.Where(c => c.UnderProvisionedPercent <= maxUnder + 1e-12)
            .OrderBy(c => c.Summary.CapacityHours).ThenBy(c => c.UnderProvisioned).ThenBy(c => c.Summary.Actions).ThenBy(c => c.Index)
            .FirstOrDefault();
        if (within is not null)
        {
            return (within, $"fewest capacity-hours with under-provisioning ≤ {maxUnder:0.0##} % of the window");
        }

        var least = all.OrderBy(c => c.UnderProvisioned).ThenBy(c => c.Summary.CapacityHours).ThenBy(c => c.Summary.Actions).ThenBy(c => c.Index)
            .FirstOrDefault();
        return least is null
            ? (null, "no candidate could be simulated")
            : (least, $"no candidate kept under-provisioning within {maxUnder:0.0##} % of the window; this one is the least under-provisioned");
    }

    private static string Document(JsonArray policies, JsonObject behavior, IReadOnlyDictionary<string, string> extensions)
    {
        var json = new StringBuilder("{\"policies\":").Append(policies.ToJsonString());
        if (behavior.Count > 0)
        {
            json.Append(",\"behavior\":").Append(behavior.ToJsonString());
        }

        foreach (var (name, raw) in extensions)
        {
            json.Append(",\"").Append(name).Append("\":").Append(raw);
        }

        return json.Append('}').ToString();
    }
}
