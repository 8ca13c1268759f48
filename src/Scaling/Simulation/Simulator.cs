using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// Replays a trace through one <see cref="ScalingEvaluator"/>: evaluations every interval on the trace's clock, the
/// history carried from step to step, decided capacity running after the actuation delay. Open loop, each evaluation sees
/// the latest recorded metrics; in demand mode (closed loop) it sees the latest total demand spread over the capacity
/// running at that moment, so adding capacity lowers what each instance reports. Reusable from code: issue a
/// <see cref="SimulationRequest"/>, get a <see cref="SimulationResult"/>; runs on the caller's thread, one evaluator per run.
/// </summary>
public static class Simulator
{
    /// <summary>Runs the simulation, keeping every decision.</summary>
    public static SimulationResult Run(SimulationRequest request) => Run(request, SimulationOptions.Default);

    /// <summary>Runs the simulation with <paramref name="options"/> (streamed decisions, summary only).</summary>
    public static SimulationResult Run(SimulationRequest request, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var trace = request.Trace;
        var start = trace[0].At;
        var end = trace[^1].At;
        var (scoreFrom, scoreTo) = ScoredSpan(request, start, end);
        var interval = TimeSpan.FromSeconds(request.EvaluationIntervalSeconds);
        var delay = TimeSpan.FromSeconds(request.ActuationDelaySeconds);

        var metrics = new SimulationMetrics();
        foreach (var policy in request.PolicySet.Policies)
        {
            if (policy is PredictivePolicy predictive)
            {
                metrics.Track(predictive.Metric, TimeSpan.FromSeconds(predictive.StepSeconds), predictive.SeasonLength);
            }
        }

        var demand = request.IsDemandMode ? new DemandReadings(request.Demand) : null;
        var decisions = new List<SimulatedDecision>();
        var pending = new Queue<CapacityPoint>();
        var running = new List<CapacityPoint> { new(start, request.Target.Current) };
        var above = new AboveTarget(request.PolicySet);
        var history = request.History;
        var evaluator = new ScalingEvaluator();
        var spec = request.Target.Current;
        int scaleOuts = 0, scaleIns = 0, next = 0, evaluations = 0;
        TraceEntry latest = trace[0];
        for (var at = start; at <= end; at += interval)
        {
            while (next < trace.Count && trace[next].At <= at)
            {
                latest = trace[next++];
            }

            while (pending.Count > 0 && pending.Peek().At <= at)
            {
                running.Add(pending.Dequeue());
            }

            var runningNow = running[^1].Capacity;
            var readings = demand is null ? latest.Metrics : demand.For(latest.Demand!, runningNow);
            metrics.Record(at, readings);
            var evaluation = evaluator.Evaluate(
                new EvaluationRequest(at, request.Target with { Current = spec }, readings, request.PolicySet) { History = history, Query = metrics });
            evaluations++;
            options.Observer?.OnEvaluation(at, evaluation, runningNow);
            if (options.KeepDecisions)
            {
                var decision = evaluation.ToDecision();
                decisions.Add(new SimulatedDecision(at, decision));
                history = decision.NextHistory;
            }
            else
            {
                history = evaluation.NextHistory();
            }

            var scored = at >= scoreFrom && at < scoreTo;
            if (evaluation.Change != 0)
            {
                scaleOuts += scored && evaluation.Change > 0 ? 1 : 0;
                scaleIns += scored && evaluation.Change < 0 ? 1 : 0;
                spec = evaluation.Desired;
                var effective = new CapacityPoint(at + delay, spec);
                if (delay == TimeSpan.Zero)
                {
                    running.Add(effective);
                }
                else
                {
                    pending.Enqueue(effective);
                }
            }

            if (scored)
            {
                var span = Math.Min(interval.TotalSeconds, (scoreTo - at).TotalSeconds);
                above.Count(evaluation, readings, running[^1].Capacity, span);
            }
        }

        while (pending.Count > 0 && pending.Peek().At <= end)
        {
            running.Add(pending.Dequeue());
        }

        var timeline = Compact(running);
        var (hours, peak, lowest) = CapacityScorer.Capacity(timeline, scoreFrom, scoreTo);
        var summary = new SimulationSummary(evaluations, scaleOuts, scaleIns, hours, hours * request.UnitCostPerHour, above.Seconds, peak, lowest)
        {
            ScoredFrom = scoreFrom,
            ScoredTo = scoreTo,
            Demand = request.IsDemandMode ? CapacityScorer.Demand(trace, request.Demand, timeline, scoreFrom, scoreTo) : null,
        };
        return new SimulationResult(decisions, timeline, summary)
        {
            Recorded = request.RecordedCapacity is { Count: > 0 } recorded ? RecordedScore.Of(request, recorded) : null,
        };
    }

    /// <summary>The scored span: the request's window within the trace's [first, last] entry times.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) ScoredSpan(SimulationRequest request, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = request.Score.From is { } f && f > start ? f : start;
        var to = request.Score.To is { } t && t < end ? t : end;
        return (from, to < from ? from : to);
    }

    private static List<CapacityPoint> Compact(List<CapacityPoint> running)
    {
        // Several changes at one instant keep the last; equal consecutive capacities merge.
        var timeline = new List<CapacityPoint>(running.Count);
        foreach (var point in running)
        {
            if (timeline.Count > 0 && timeline[^1].At == point.At)
            {
                timeline[^1] = point;
            }
            else if (timeline.Count == 0 || timeline[^1].Capacity != point.Capacity)
            {
                timeline.Add(point);
            }

            if (timeline.Count > 1 && timeline[^1].Capacity == timeline[^2].Capacity)
            {
                timeline.RemoveAt(timeline.Count - 1);
            }
        }

        return timeline;
    }
}
