namespace Autoscaler.Scaling.Simulation;

/// <summary>Scores the capacity that actually ran (a live target's export) the way a simulated run is scored.</summary>
public static class RecordedScore
{
    /// <summary>The recorded capacity's summary over the request's scored window (no evaluations, no actions counted by decision).</summary>
    public static SimulationSummary Of(SimulationRequest request, IReadOnlyList<CapacityPoint> recorded)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recorded);
        var (from, to) = Simulator.ScoredSpan(request, request.Trace[0].At, request.Trace[^1].At);
        var (hours, peak, lowest) = CapacityScorer.Capacity(recorded, from, to);
        int outs = 0, ins = 0;
        for (var i = 1; i < recorded.Count; i++)
        {
            if (recorded[i].At >= from && recorded[i].At < to)
            {
                outs += recorded[i].Capacity > recorded[i - 1].Capacity ? 1 : 0;
                ins += recorded[i].Capacity < recorded[i - 1].Capacity ? 1 : 0;
            }
        }

        return new SimulationSummary(0, outs, ins, hours, hours * request.UnitCostPerHour, new Dictionary<string, double>(), peak, lowest)
        {
            ScoredFrom = from,
            ScoredTo = to,
            Demand = request.IsDemandMode ? CapacityScorer.Demand(request.Trace, request.Demand, recorded, from, to) : null,
        };
    }
}
