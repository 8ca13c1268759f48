using System.Text.Json;
using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>Invariants of the engine over generated inputs (CsCheck).</summary>
public sealed class EnginePropertyTests
{
    [Fact]
    public void Result_is_always_within_min_and_max()
    {
        EngineGenerators.Scenario.Sample(scenario =>
        {
            var (target, set, history) = scenario;
            var decision = ScalingEngine.Evaluate(new EvaluationRequest(Build.Now, target, Build.Metrics(), set) { History = history });

            if (target.Current == 0 && target.Min > 0)
            {
                Assert.Equal(0, decision.Desired);
            }
            else
            {
                Assert.InRange(decision.Desired, target.Min, target.Max);
            }
        }, iter: 5000);
    }

    [Fact]
    public void Evaluation_is_deterministic()
    {
        EngineGenerators.Scenario.Sample(scenario =>
        {
            var (target, set, history) = scenario;
            var request = new EvaluationRequest(Build.Now, target, Build.Metrics(), set) { History = history };

            Assert.Equal(Serialize(ScalingEngine.Evaluate(request)), Serialize(ScalingEngine.Evaluate(request)));
        }, iter: 1000);
    }

    [Fact]
    public void A_pods_rate_limit_is_never_exceeded_over_any_sequence()
    {
        // Kubernetes' guarantee: when it scales, the net change within the trailing period is at most the policy's value.
        var steps = Gen.Select(Gen.Int[0, 100], Gen.Int[1, 40], (desired, seconds) => (desired, seconds)).Array[1, 40];
        Gen.Select(Gen.Int[1, 10], Gen.Int[1, 120], Gen.Int[1, 10], Gen.Int[1, 120], Gen.Int[0, 100], steps)
            .Sample((upValue, upPeriod, downValue, downPeriod, start, sequence) =>
            {
                var behavior = new ScalingBehavior(
                    new ScalingRules(0, SelectPolicy.Max, [new RatePolicy(RatePolicyType.Pods, upValue, upPeriod)]),
                    new ScalingRules(0, SelectPolicy.Max, [new RatePolicy(RatePolicyType.Pods, downValue, downPeriod)]));
                var now = Build.Now;
                var current = start;
                ScalingHistory history = ScalingHistory.Empty;
                var applied = new List<ScaleEvent>();
                foreach (var (desired, seconds) in sequence)
                {
                    now = now.AddSeconds(seconds);
                    var set = new PolicySet([new FixedPolicy("p", desired)]) { Behavior = behavior };
                    var decision = ScalingEngine.Evaluate(
                        new EvaluationRequest(now, new ScaleTarget(current, 0, 100), Build.Metrics(), set) { History = history });
                    history = decision.NextHistory;
                    current = decision.Desired;
                    if (decision.Change == 0)
                    {
                        continue;
                    }

                    applied.Add(new ScaleEvent(now, decision.Change, null));
                    if (decision.Change > 0)
                    {
                        Assert.True(NetChange(applied, now, upPeriod) <= upValue, $"scale-up exceeded {upValue} per {upPeriod} s at {now}");
                    }
                    else
                    {
                        Assert.True(NetChange(applied, now, downPeriod) >= -downValue, $"scale-down exceeded {downValue} per {downPeriod} s at {now}");
                    }
                }
            }, iter: 1000);
    }

    [Fact]
    public void Constant_load_never_flaps()
    {
        // A constant total load against a per-instance target: capacity moves one way and settles.
        Gen.Select(Gen.Double[0, 20_000], Gen.Double[1, 500], Gen.Int[1, 50], Gen.Int[5, 60])
            .Sample((load, perInstance, start, interval) =>
            {
                var policy = Build.Tracking("load", TargetType.AverageValue, perInstance);
                var metrics = Build.Metrics(("load", MetricReading.Aggregate(load)));
                var set = new PolicySet([policy]);
                var now = Build.Now;
                var current = start;
                ScalingHistory? history = null;
                var directions = new HashSet<int>();
                for (var step = 0; step < 60; step++)
                {
                    var decision = ScalingEngine.Evaluate(
                        new EvaluationRequest(now, new ScaleTarget(current, 1, 200), metrics, set) { History = history });
                    if (decision.Change != 0)
                    {
                        directions.Add(Math.Sign(decision.Change));
                    }

                    history = decision.NextHistory;
                    current = decision.Desired;
                    now = now.AddSeconds(interval);
                }

                Assert.True(directions.Count <= 1, $"capacity moved both ways under a constant load {load} / {perInstance}");
            }, iter: 500);
    }

    private static int NetChange(List<ScaleEvent> events, DateTimeOffset now, int periodSeconds)
    {
        var cutoff = now.AddSeconds(-periodSeconds);
        var net = 0;
        foreach (var scaleEvent in events)
        {
            if (scaleEvent.At > cutoff)
            {
                net += scaleEvent.Change;
            }
        }

        return net;
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
