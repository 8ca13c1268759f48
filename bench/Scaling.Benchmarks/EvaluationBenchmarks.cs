using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Windows;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Scaling.Benchmarks;

/// <summary>
/// One evaluation of a target with three policies (targetTracking on CPU utilization, stepScaling on a queue,
/// threshold on p95 latency) against live 1-hour windows (10 instances at 1 sample/s) through <see cref="WindowMetricQuery"/>.
/// Steady state is a target's evaluator evaluating again (what a grain does every second); rendering the decision to keep
/// it (what the CLI and the API do) is measured separately.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private EvaluationRequest _request = null!;
    private PolicyContext _context = null!;
    private ScalingPolicy[] _policies = null!;
    private readonly ScalingEvaluator _evaluator = new();
    private readonly ExplanationWriter _explanation = new();

    [GlobalSetup]
    public void Setup()
    {
        var now = WindowFixture.Now;
        var queue = new MetricWindow();
        for (var second = 0; second < 3600; second++)
        {
            queue.Record(WindowMetricQuery.AggregateInstance, WindowFixture.Start.AddSeconds(second).UtcTicks, 5000 + (second % 900));
        }

        var query = new WindowMetricQuery()
            .Add("cpu", WindowFixture.Filled(300))
            .Add("queue", queue)
            .Add("latency", WindowFixture.Filled(120));
        _policies =
        [
            new TargetTrackingPolicy("cpu", "cpu", new MetricTarget(TargetType.Utilization, 50)),
            new StepScalingPolicy("backlog", "queue", 5000, AdjustmentType.ChangeInCapacity,
                [new StepAdjustment(0, 2000, 1), new StepAdjustment(2000, null, 3)]),
            new ThresholdPolicy("latency",
                [new ThresholdRule("latency", Aggregation.P95, 300, 300, 50, ThresholdComparison.GreaterThan)], 1, 1, 300, 60),
        ];
        var target = new ScaleTarget(5, 1, 20);
        var readings = query.Readings(now);
        var history = new ScalingHistory([new TimestampedRecommendation(now.AddMinutes(-1), 5)], []);
        _request = new EvaluationRequest(now, target, readings, new PolicySet(_policies)) { History = history, Query = query };
        _context = new PolicyContext(now, target, readings, history, query);
    }

    /// <summary>The whole engine step in steady state: proposals, combination, stabilization, rate limits, explanation.</summary>
    [Benchmark]
    public int EvaluateThreePolicies() => _evaluator.Evaluate(_request).Desired;

    /// <summary>The same step, then the decision rendered to keep (proposal records, explanation strings, next histories).</summary>
    [Benchmark]
    public int EvaluateAndRenderDecision() => _evaluator.Evaluate(_request).ToDecision().Desired;

    /// <summary>The three policies' proposals alone (what the windows feed), explanations included.</summary>
    [Benchmark]
    public int ProposeThreePolicies()
    {
        var sum = 0;
        _explanation.Clear();
        foreach (var policy in _policies)
        {
            sum += policy.Propose(_context, _explanation).Desired ?? 0;
            _explanation.EndLine();
        }

        return sum;
    }
}
