using Autoscaler.Scaling;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Reporting;

/// <summary>
/// Keeps what a chart draws beyond the capacity timeline: the scale actions (time, new capacity, direction) and each
/// predictive policy's forecast in instances (forecast total / perInstance of its demand metric), recorded when it
/// changes. Memory grows with actions and forecast steps, not with evaluations.
/// </summary>
public sealed class SimulationRecorder(SimulationRequest request) : ISimulationObserver
{
    private readonly Dictionary<int, double> _perInstance = PerInstanceByPolicy(request);

    /// <summary>Every capacity change decided: when, to what, and whether it was a scale-out.</summary>
    public List<(DateTimeOffset At, int Capacity, bool Out)> Actions { get; } = [];

    /// <summary>Forecast in instances over time (a point each time it changes).</summary>
    public List<(DateTimeOffset At, double Instances)> Forecast { get; } = [];

    /// <inheritdoc />
    public void OnEvaluation(DateTimeOffset at, in ScalingEvaluation evaluation, int running)
    {
        if (evaluation.Change != 0)
        {
            Actions.Add((at, evaluation.Desired, evaluation.Change > 0));
        }

        var proposals = evaluation.Proposals;
        foreach (var (index, perInstance) in _perInstance)
        {
            if (index < proposals.Length && proposals[index].MetricValue is { } load)
            {
                var instances = load / perInstance;
                if (Forecast.Count == 0 || Forecast[^1].Instances != instances)
                {
                    Forecast.Add((at, instances));
                }

                return;
            }
        }
    }

    private static Dictionary<int, double> PerInstanceByPolicy(SimulationRequest request)
    {
        var map = new Dictionary<int, double>();
        var policies = request.PolicySet.Policies;
        for (var i = 0; i < policies.Count; i++)
        {
            if (policies[i] is Scaling.Policies.PredictivePolicy predictive
                && request.Demand.FirstOrDefault(d => d.Name == predictive.Metric) is { } demand)
            {
                map[i] = demand.PerInstance;
            }
        }

        return map;
    }
}
