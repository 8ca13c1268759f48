using System.Globalization;
using System.Text.Json;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Windows;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// The reusable evaluator (what grains keep per target): it decides exactly as a fresh evaluation, whatever it evaluated
/// before; its views cannot be read after the next evaluation; and in steady state it allocates nothing.
/// </summary>
public sealed class ScalingEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reused_evaluator_decides_as_a_fresh_evaluation_over_any_sequence()
    {
        EngineGenerators.Scenario.Array[1, 8].Sample(scenarios =>
        {
            var evaluator = new ScalingEvaluator();
            foreach (var (target, set, history) in scenarios)
            {
                var request = new EvaluationRequest(Build.Now, target, Build.Metrics(), set) { History = history };

                Assert.Equal(Serialize(ScalingEngine.Evaluate(request)), Serialize(evaluator.Evaluate(request).ToDecision()));
            }
        }, iter: 500);
    }

    [Fact]
    public void A_reused_evaluator_decides_every_case_file_as_a_fresh_evaluation_in_any_order()
    {
        // Every policy kind, scale-to-zero, fallback and the contract example, through one evaluator, forwards and back.
        string[] names = ["parts-kinds.json", "contract-example.json", .. Directory.GetFiles(CaseFiles.Path("evaluate"), "*.json")
            .Order(StringComparer.Ordinal).Select(file => Path.Combine("evaluate", Path.GetFileName(file)))];
        var requests = names.Select(name => ScalingDocuments.ReadEvaluation(InputOf(name))).ToList();
        var evaluator = new ScalingEvaluator();

        foreach (var request in requests.Concat(Enumerable.Reverse(requests)).Concat(requests))
        {
            Assert.Equal(Serialize(ScalingEngine.Evaluate(request)), Serialize(evaluator.Evaluate(request).ToDecision()));
        }
    }

    [Fact]
    public void An_evaluation_cannot_be_read_after_the_next_one()
    {
        var evaluator = new ScalingEvaluator();
        var request = new EvaluationRequest(Build.Now, new ScaleTarget(3, 1, 10), Build.Metrics(), new PolicySet([new FixedPolicy("p", 5)]));
        var first = evaluator.Evaluate(request);
        Assert.Equal("p: 5", first.Explanation.LineText(0));

        var second = evaluator.Evaluate(request);

        Assert.Equal(5, first.Desired);
        var error = Assert.Throws<InvalidOperationException>(() => first.ToDecision());
        Assert.Contains("ToDecision", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, second.ToDecision().Desired);
    }

    [Fact]
    public void Proposals_and_explanation_lines_line_up()
    {
        var set = new PolicySet([new FixedPolicy("a", 4), new FixedPolicy("b", null), new FixedPolicy("c", 6)]);
        var evaluation = new ScalingEvaluator().Evaluate(new EvaluationRequest(Build.Now, new ScaleTarget(3, 1, 10), Build.Metrics(), set));

        Assert.Equal(["a", "b", "c"], evaluation.Proposals.ToArray().Select(p => p.Policy));
        Assert.Equal(4, evaluation.Explanation.LineCount);
        Assert.Equal("b: no data", evaluation.Explanation.LineText(1));
        Assert.StartsWith("combined: scale out to the largest proposal, 6", evaluation.Explanation.LineText(3), StringComparison.Ordinal);
    }

    public static TheoryData<string> SteadyKinds() => new()
    {
        "scheduled", "targetTracking", "stepScaling", "threshold", "weightedScore", "all four", "all four, majority, behavior, suspended scale-in",
        "all four, scale-to-zero, fallback standing in for a policy without data", "all four, manual override",
    };

    [Theory]
    [MemberData(nameof(SteadyKinds))]
    public void Steady_state_evaluation_allocates_nothing(string kinds)
    {
        var request = WindowRequest(kinds);
        var evaluator = new ScalingEvaluator();
        for (var i = 0; i < 50; i++)
        {
            evaluator.Evaluate(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var desired = 0;
        for (var i = 0; i < 200; i++)
        {
            desired += evaluator.Evaluate(request).Desired;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(desired > 0);
        Assert.True(allocated == 0, $"{kinds}: 200 evaluations allocated {allocated} B");
        var decision = evaluator.Evaluate(request).ToDecision();
        Assert.Equal(Serialize(ScalingEngine.Evaluate(request)), Serialize(decision));
        var text = string.Join("\n", decision.Explanation);
        Assert.True(!kinds.Contains("fallback", StringComparison.Ordinal) || text.Contains("fallback: some policy had no data in 6", StringComparison.Ordinal), text);
        Assert.True(!kinds.Contains("override", StringComparison.Ordinal) || text.Contains("manual override to 7 (launch) until 2026-01-01T12:59:59Z -> 7", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Explanations_are_formatted_with_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var decision = new ScalingEvaluator().Evaluate(WindowRequest("weightedScore")).ToDecision();

            Assert.Matches(@"^score: score 0\.\d+ from cpu 3\d\d(\.\d+)?/1000=0\.\d+×0\.5", decision.Explanation[0]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>A target over live one-hour windows (as in the benchmark) with the named policies.</summary>
    private static EvaluationRequest WindowRequest(string kinds)
    {
        var now = Start.AddSeconds(3599);
        var query = new WindowMetricQuery().Add("cpu", Filled(300)).Add("latency", Filled(120)).Add("queue", Aggregate(5000));
        List<ScalingPolicy> policies = [];
        var all = kinds.StartsWith("all", StringComparison.Ordinal);
        if (all || kinds == "targetTracking")
        {
            policies.Add(new TargetTrackingPolicy("cpu", "cpu", new MetricTarget(TargetType.Utilization, 50)));
        }

        if (all || kinds == "stepScaling")
        {
            policies.Add(new StepScalingPolicy("backlog", "queue", 5000, AdjustmentType.ChangeInCapacity,
                [new StepAdjustment(0, 2000, 1), new StepAdjustment(2000, null, 3)]));
        }

        if (all || kinds == "threshold")
        {
            policies.Add(new ThresholdPolicy("latency",
                [new ThresholdRule("latency", Aggregation.P95, 300, 300, 50, ThresholdComparison.GreaterThan)], 1, 1, 300, 60));
        }

        if (all || kinds == "weightedScore")
        {
            policies.Add(new WeightedScorePolicy("score",
                [new WeightedMetric("cpu", 0.5, 1000, Aggregation.Avg, 300), new WeightedMetric("latency", 0.5, 200, Aggregation.P95, 300)],
                0.7, 0.3, 2, 1, 300, 0));
        }

        if (kinds == "scheduled")
        {
            policies.Add(PartsPolicyFixture.Parse("""
                { "name": "s", "type": "scheduled", "actions": [
                  { "name": "up", "schedule": "0 8 * * MON-FRI", "minCapacity": 10, "desiredCapacity": 12 },
                  { "name": "down", "schedule": "0 18 * * MON-FRI", "minCapacity": 2 } ] }
                """));
        }

        var set = new PolicySet(policies);
        if (kinds.Contains("majority", StringComparison.Ordinal))
        {
            set = set with
            {
                Consensus = new Consensus(ConsensusRule.Majority),
                Behavior = new Behavior.ScalingBehavior(
                    new Behavior.ScalingRules(60, Behavior.SelectPolicy.Max, [new Behavior.RatePolicy(Behavior.RatePolicyType.Pods, 2, 60)]),
                    new Behavior.ScalingRules(300, Behavior.SelectPolicy.Max, [new Behavior.RatePolicy(Behavior.RatePolicyType.Percent, 10, 60)])),
                Suspend = new Safety.SuspendedState(DynamicScaleIn: true, DynamicScaleOut: false, Scheduled: false),
            };
        }

        if (kinds.Contains("fallback", StringComparison.Ordinal))
        {
            policies.Add(new TargetTrackingPolicy("absent", "absent", new MetricTarget(TargetType.AverageValue, 10)));
            set = new PolicySet(policies)
            {
                ScaleToZero = new Safety.ScaleToZero(new Dictionary<string, double> { ["queue"] = 0 }, 300),
                Fallback = new Safety.FallbackRule(3, 4),
            };
        }

        if (kinds.Contains("override", StringComparison.Ordinal))
        {
            set = set with { Override = new Safety.ManualOverride(7, "launch", now.AddHours(1)) };
        }

        var history = new ScalingHistory(
            [new TimestampedRecommendation(now.AddSeconds(-30), 5), new TimestampedRecommendation(now.AddSeconds(-15), 6)],
            [new ScaleEvent(now.AddSeconds(-400), 1, "cpu")]) { EvaluationsWithoutData = 5 };
        return new EvaluationRequest(now, new ScaleTarget(5, 1, 20), query.Readings(now), set) { History = history, Query = query };
    }

    private static MetricWindow Filled(double baseValue)
    {
        var window = new MetricWindow();
        for (var second = 0; second < 3600; second++)
        {
            for (var i = 0; i < 10; i++)
            {
                window.Record($"task-{i}", Start.AddSeconds(second).UtcTicks, baseValue + ((second + (i * 7)) % 50), 1000);
            }
        }

        return window;
    }

    private static MetricWindow Aggregate(double baseValue)
    {
        var window = new MetricWindow();
        for (var second = 0; second < 3600; second++)
        {
            window.Record(WindowMetricQuery.AggregateInstance, Start.AddSeconds(second).UtcTicks, baseValue + (second % 900));
        }

        return window;
    }

    private static string InputOf(string name)
    {
        using var document = JsonDocument.Parse(CaseFiles.Read(name));
        return document.RootElement.TryGetProperty("input", out var input) ? input.GetRawText() : document.RootElement.GetRawText();
    }

    private static string Serialize(ScalingDecision decision)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DecisionWriter.Write(writer, decision);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
