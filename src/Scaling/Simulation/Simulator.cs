using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// Replays a trace through one <see cref="ScalingEvaluator"/>: evaluations every interval on the trace's clock, each seeing the
/// latest trace entry and the series so far (scheduled and predictive policies read them), the history carried from
/// step to step, and decided capacity running after the actuation delay.
/// </summary>
public static class Simulator
{
    /// <summary>Runs the simulation.</summary>
    public static SimulationResult Run(SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trace = request.Trace;
        var start = trace[0].At;
        var end = trace[^1].At;
        var interval = TimeSpan.FromSeconds(request.EvaluationIntervalSeconds);
        var delay = TimeSpan.FromSeconds(request.ActuationDelaySeconds);

        var series = new Dictionary<string, IReadOnlyList<MetricPoint>>(StringComparer.Ordinal);
        var query = new SampleMetricQuery(series);
        var decisions = new List<SimulatedDecision>();
        var pending = new Queue<CapacityPoint>();
        var running = new List<CapacityPoint> { new(start, request.Target.Current) };
        var above = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var policy in request.PolicySet.Policies)
        {
            if (policy.TargetLevel is not null)
            {
                above[policy.Name] = 0;
            }
        }

        var history = request.History;
        var evaluator = new ScalingEvaluator();
        var spec = request.Target.Current;
        int scaleOuts = 0, scaleIns = 0, next = 0;
        TraceEntry? latest = null;
        for (var at = start; at <= end; at += interval)
        {
            while (next < trace.Count && trace[next].At <= at)
            {
                latest = trace[next++];
                Append(series, latest);
            }

            while (pending.Count > 0 && pending.Peek().At <= at)
            {
                running.Add(pending.Dequeue());
            }

            var target = request.Target with { Current = spec };
            var decision = evaluator.Evaluate(
                new EvaluationRequest(at, target, latest!.Metrics, request.PolicySet) { History = history, Query = query }).ToDecision();
            decisions.Add(new SimulatedDecision(at, decision));
            history = decision.NextHistory;
            if (decision.Change != 0)
            {
                scaleOuts += decision.Change > 0 ? 1 : 0;
                scaleIns += decision.Change < 0 ? 1 : 0;
                spec = decision.Desired;
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

            var span = Math.Min(interval.TotalSeconds, (end - at).TotalSeconds);
            CountAbove(request.PolicySet, decision, latest.Metrics, running[^1].Capacity, span, above);
        }

        while (pending.Count > 0 && pending.Peek().At <= end)
        {
            running.Add(pending.Dequeue());
        }

        var timeline = Compact(running);
        return new SimulationResult(decisions, timeline, Summarize(timeline, end, decisions.Count, scaleOuts, scaleIns, request.UnitCostPerHour, above));
    }

    private static void Append(Dictionary<string, IReadOnlyList<MetricPoint>> series, TraceEntry entry)
    {
        foreach (var (name, reading) in entry.Metrics)
        {
            if (reading.Scalar() is not { } value)
            {
                continue;
            }

            if (!series.TryGetValue(name, out var points))
            {
                points = new List<MetricPoint>();
                series[name] = points;
            }

            ((List<MetricPoint>)points).Add(new MetricPoint(entry.At, value));
        }
    }

    private static void CountAbove(
        PolicySet set, ScalingDecision decision, IReadOnlyDictionary<string, MetricReading> metrics, int running, double seconds, Dictionary<string, double> above)
    {
        for (var i = 0; i < set.Policies.Count && i < decision.Proposals.Count; i++)
        {
            var policy = set.Policies[i];
            if (policy.TargetLevel is not { } level)
            {
                continue;
            }

            // A total load per instance is judged on the capacity actually running, which lags decisions by the
            // actuation delay; everything else on the metric value the policy compared.
            var value = policy is TargetTrackingPolicy { Target.Type: TargetType.AverageValue } tracking
                && metrics.TryGetValue(tracking.Metric, out var reading) && reading.Instances is null
                && ReplicaCalculator.Aggregate(reading) is { } total
                    ? (running > 0 ? total / running : total > 0 ? double.PositiveInfinity : 0)
                    : decision.Proposals[i].MetricValue;
            if (value > level)
            {
                above[policy.Name] += seconds;
            }
        }
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

    private static SimulationSummary Summarize(
        List<CapacityPoint> timeline, DateTimeOffset end, int evaluations, int scaleOuts, int scaleIns, double unitCost, Dictionary<string, double> above)
    {
        var hours = 0.0;
        var peak = int.MinValue;
        var lowest = int.MaxValue;
        for (var i = 0; i < timeline.Count; i++)
        {
            var until = i + 1 < timeline.Count ? timeline[i + 1].At : end;
            hours += timeline[i].Capacity * (until - timeline[i].At).TotalHours;
            peak = Math.Max(peak, timeline[i].Capacity);
            lowest = Math.Min(lowest, timeline[i].Capacity);
        }

        return new SimulationSummary(evaluations, scaleOuts, scaleIns, hours, hours * unitCost, above, peak, lowest);
    }
}
