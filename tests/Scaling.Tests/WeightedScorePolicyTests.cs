using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using static Autoscaler.Scaling.Tests.PartsPolicyFixture;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Pins seed 004's weighted scoring: cpu/100·w + memory/100·w + responseTime/5000·w + errorRate/10·w + requests/1000·w,
/// divided by the total weight, against scale-up/scale-down thresholds; plus capping, coverage and confidence.
/// </summary>
public sealed class WeightedScorePolicyTests
{
    private const string Seed004 = """
        { "name": "score", "type": "weightedScore", "scaleUpThreshold": 0.7, "scaleDownThreshold": 0.3, "scaleUpBy": 2,
          "metrics": [
            { "metric": "cpu", "weight": 0.3, "normalizeMax": 100 },
            { "metric": "memory", "weight": 0.2, "normalizeMax": 100 },
            { "metric": "responseTime", "weight": 0.2, "normalizeMax": 5000 },
            { "metric": "errorRate", "weight": 0.1, "normalizeMax": 10 },
            { "metric": "requests", "weight": 0.2, "normalizeMax": 1000 } ] }
        """;

    private static Dictionary<string, IReadOnlyList<MetricPoint>> Metrics(double cpu, double memory, double rt, double errors, double rps) => new()
    {
        ["cpu"] = Flat(cpu),
        ["memory"] = Flat(memory),
        ["responseTime"] = Flat(rt),
        ["errorRate"] = Flat(errors),
        ["requests"] = Flat(rps),
    };

    [Theory]
    [InlineData(90, 80, 4000, 8, 900, 6, 0.85)]   // 0.27+0.16+0.16+0.08+0.18 = 0.85 > 0.7: +2
    [InlineData(50, 50, 2500, 5, 500, 4, 0.5)]    // 0.5: stay
    [InlineData(10, 20, 500, 1, 100, 3, 0.12)]    // 0.03+0.04+0.02+0.01+0.02 = 0.12 < 0.3: -1
    [InlineData(500, 80, 4000, 8, 900, 6, 0.88)]  // cpu capped at 1: 0.3+0.16+0.16+0.08+0.18
    public void Score_is_the_weighted_mean_of_capped_normalised_metrics(
        double cpu, double memory, double rt, double errors, double rps, int expected, double score)
    {
        var proposal = Parse(Seed004).Propose(Context(4, Metrics(cpu, memory, rt, errors, rps)));

        Assert.Equal(expected, proposal.Desired);
        Assert.Equal(score, proposal.MetricValue!.Value, 9);
    }

    [Fact]
    public void Confidence_grows_with_distance_past_the_threshold()
    {
        var policy = Parse(Seed004);

        var barely = policy.Propose(Context(4, Metrics(75, 75, 3750, 7.5, 750)));
        var far = policy.Propose(Context(4, Metrics(100, 100, 5000, 10, 1000)));

        Assert.Equal(0.5 + (0.5 * (0.05 / 0.3)), barely.Confidence, 9);
        Assert.Equal(1.0, far.Confidence, 9);
    }

    [Fact]
    public void Missing_inputs_reduce_coverage_and_block_scale_down()
    {
        var policy = Parse(Seed004);
        var onlyCpu = new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = Flat(5) };
        var hotCpu = new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = Flat(100) };

        var low = policy.Propose(Context(4, onlyCpu));
        var high = policy.Propose(Context(4, hotCpu));
        var none = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>>()));

        Assert.Equal(4, low.Desired);
        Assert.Contains("an input without data blocks scale-down", low.Explanation, StringComparison.Ordinal);
        Assert.Equal(6, high.Desired);
        Assert.Equal(0.3, high.Confidence, 9);
        Assert.Equal(ProposalStatus.NoData, none.Status);
    }

    [Fact]
    public void Moves_below_min_confidence_become_a_vote_to_stay()
    {
        var policy = Parse("""
            { "name": "s", "type": "weightedScore", "scaleUpThreshold": 0.7, "scaleDownThreshold": 0.3, "minConfidence": 0.6,
              "metrics": [ { "metric": "cpu", "weight": 1, "normalizeMax": 100 }, { "metric": "rps", "weight": 1, "normalizeMax": 100 } ] }
            """);

        var proposal = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = Flat(100) }));

        Assert.Equal(4, proposal.Desired);
        Assert.Contains("confidence 0.5 < 0.6", proposal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Cooldown_holds_current()
    {
        var proposal = Parse(Seed004).Propose(Context(4, Metrics(100, 100, 5000, 10, 1000), [new ScaleEvent(Now.AddSeconds(-60), 2, "score")]));

        Assert.Equal(ProposalStatus.BlockedByCooldown, proposal.Status);
        Assert.Equal(4, proposal.Desired);
    }

    [Theory]
    [InlineData("""{ "name": "s", "type": "weightedScore", "scaleUpThreshold": 0.7, "scaleDownThreshold": 0.3 }""", "policies[0].metrics: is required")]
    [InlineData("""{ "name": "s", "type": "weightedScore", "scaleUpThreshold": 0.7, "scaleDownThreshold": 0.3, "metrics": [ { "metric": "cpu", "weight": 1 } ] }""", "policies[0].metrics[0].normalizeMax: is required")]
    public void Structural_errors_name_the_field(string json, string message)
    {
        Assert.Equal(message, ParseError(json));
    }

    [Fact]
    public void Semantic_errors_name_the_field()
    {
        var errors = ValidationErrors("""
            { "name": "s", "type": "weightedScore", "scaleUpThreshold": 0.3, "scaleDownThreshold": 1.5, "minConfidence": -1,
              "metrics": [ { "metric": "cpu", "weight": 0, "normalizeMax": -5 } ] }
            """);

        Assert.Equal(
            [
                "policies[0].metrics[0].weight: must be positive",
                "policies[0].metrics[0].normalizeMax: must be positive",
                "policies[0].scaleDownThreshold: must be between 0 and 1, not 1.5",
                "policies[0].minConfidence: must be between 0 and 1, not -1",
                "policies[0].scaleDownThreshold: must be below scaleUpThreshold (0.3)",
            ],
            errors);
    }
}
