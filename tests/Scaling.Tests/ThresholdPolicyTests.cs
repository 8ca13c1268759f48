using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using static Autoscaler.Scaling.Tests.PartsPolicyFixture;

namespace Autoscaler.Scaling.Tests;

/// <summary>Pins seed 001's threshold rules: scaleUp/scaleDown levels, greater_than/less_than/percentage_change, scaleUpBy/scaleDownBy, cooldown.</summary>
public sealed class ThresholdPolicyTests
{
    private const string CpuMemory = """
        { "name": "backend", "type": "threshold", "scaleUpBy": 2, "scaleDownBy": 1, "cooldownSeconds": 300,
          "thresholds": [
            { "metric": "cpu", "aggregation": "avg", "window": 120, "scaleUp": 70, "scaleDown": 25, "comparison": "greater_than" },
            { "metric": "freeMemory", "aggregation": "min", "window": 120, "scaleUp": 20, "scaleDown": 60, "comparison": "less_than" } ] }
        """;

    [Theory]
    [InlineData(85, 50, 6, ProposalStatus.Vote)]   // cpu above 70: +2
    [InlineData(50, 10, 6, ProposalStatus.Vote)]   // free memory below 20 (less_than): +2
    [InlineData(50, 50, 4, ProposalStatus.Vote)]   // within levels: stay
    [InlineData(20, 80, 3, ProposalStatus.Vote)]   // every rule past scale-down: -1
    [InlineData(20, 50, 4, ProposalStatus.Vote)]   // only one rule past scale-down: stay
    public void Levels_decide_the_direction(double cpu, double freeMemory, int expected, ProposalStatus status)
    {
        var policy = Parse(CpuMemory);

        var proposal = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>>
        {
            ["cpu"] = Flat(cpu),
            ["freeMemory"] = Flat(freeMemory),
        }));

        Assert.Equal(status, proposal.Status);
        Assert.Equal(expected, proposal.Desired);
        Assert.StartsWith("backend: ", proposal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_without_data_blocks_scale_down_but_not_scale_up()
    {
        var policy = Parse(CpuMemory);

        var down = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = Flat(10) }));
        var up = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = Flat(90) }));
        var none = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>>()));

        Assert.Equal(4, down.Desired);
        Assert.Contains("a rule without data blocks scale-down", down.Explanation, StringComparison.Ordinal);
        Assert.Equal(6, up.Desired);
        Assert.Equal(ProposalStatus.NoData, none.Status);
    }

    [Fact]
    public void Window_aggregation_reads_only_the_window()
    {
        var policy = Parse("""
            { "name": "p", "type": "threshold",
              "thresholds": [ { "metric": "cpu", "aggregation": "max", "window": 60, "scaleUp": 70, "scaleDown": 10 } ] }
            """);
        IReadOnlyList<MetricPoint> points = [new(Now.AddSeconds(-200), 99), new(Now.AddSeconds(-30), 50)];

        var proposal = policy.Propose(Context(3, new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = points }));

        Assert.Equal(3, proposal.Desired);
        Assert.Equal(50, proposal.MetricValue);
    }

    [Theory]
    [InlineData(100, 160, 5)]  // +60% > 50%: up
    [InlineData(100, 60, 3)]   // -40% < -30%: down
    [InlineData(100, 110, 4)]  // +10%: stay
    public void Percentage_change_compares_with_the_previous_window(double before, double after, int expected)
    {
        var policy = Parse("""
            { "name": "rps", "type": "threshold",
              "thresholds": [ { "metric": "rps", "window": 60, "scaleUp": 50, "scaleDown": -30, "comparison": "percentage_change" } ] }
            """);
        var points = Flat(before, 60, Now.AddSeconds(-60)).Concat(Flat(after, 60)).ToList();

        var proposal = policy.Propose(Context(4, new Dictionary<string, IReadOnlyList<MetricPoint>> { ["rps"] = points }));

        Assert.Equal(expected, proposal.Desired);
    }

    [Fact]
    public void Cooldown_after_its_own_scale_event_holds_current()
    {
        var policy = Parse(CpuMemory);
        var series = new Dictionary<string, IReadOnlyList<MetricPoint>> { ["cpu"] = Flat(90), ["freeMemory"] = Flat(50) };

        var held = policy.Propose(Context(4, series, [new ScaleEvent(Now.AddSeconds(-100), 2, "backend")]));
        var free = policy.Propose(Context(4, series, [new ScaleEvent(Now.AddSeconds(-301), 2, "backend")]));
        var otherPolicy = policy.Propose(Context(4, series, [new ScaleEvent(Now.AddSeconds(-100), 2, "other")]));

        Assert.Equal(ProposalStatus.BlockedByCooldown, held.Status);
        Assert.Equal(4, held.Desired);
        Assert.Contains("200 s left", held.Explanation, StringComparison.Ordinal);
        Assert.Equal(6, free.Desired);
        Assert.Equal(6, otherPolicy.Desired);
    }

    [Fact]
    public void Defaults_follow_the_seed()
    {
        var policy = (ThresholdPolicy)Parse("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "cpu", "scaleUp": 70, "scaleDown": 25 } ] }""");

        Assert.Equal(1, policy.ScaleUpBy);
        Assert.Equal(1, policy.ScaleDownBy);
        Assert.Equal(300, policy.CooldownSeconds);
        Assert.Equal(60, policy.EvaluationIntervalSeconds);
        Assert.Equal(new ThresholdRule("cpu", Metrics.Aggregation.Avg, 60, 70, 25, ThresholdComparison.GreaterThan), policy.Rules[0]);
        Assert.Equal(70, policy.TargetLevel);
    }

    [Theory]
    [InlineData("""{ "name": "p", "type": "threshold" }""", "policies[0].thresholds: is required")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "cpu", "scaleUp": 70 } ] }""", "policies[0].thresholds[0].scaleDown: is required")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "cpu", "scaleUp": 70, "scaleDown": 1, "comparison": "above" } ] }""", "policies[0].thresholds[0].comparison: must be one of greater_than, less_than, percentage_change, not \"above\"")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "cpu", "scaleUp": 70, "scaleDown": 1, "aggregation": "p42" } ] }""", "policies[0].thresholds[0].aggregation: must be one of avg, min, max, sum, count, rate, p50, p90, p95, p99, not \"p42\"")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "cpu", "scaleUp": 70, "scaleDown": 1, "window": 0 } ] }""", "policies[0].thresholds[0].window: must be between 1 and 86400, not 0")]
    [InlineData("""{ "name": "p", "type": "threshold", "scaleUpBy": 0, "thresholds": [] }""", "policies[0].scaleUpBy: must be between 1 and 10000, not 0")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [], "cooldown": 5 }""", "policies[0].cooldown: unknown field")]
    public void Structural_errors_name_the_field(string json, string message)
    {
        Assert.Equal(message, ParseError(json));
    }

    [Theory]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [] }""", "policies[0].thresholds: must have at least one rule")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "cpu", "scaleUp": 70, "scaleDown": 80 } ] }""", "policies[0].thresholds[0].scaleDown: must be below scaleUp (70) for greater_than")]
    [InlineData("""{ "name": "p", "type": "threshold", "thresholds": [ { "metric": "m", "scaleUp": 20, "scaleDown": 10, "comparison": "less_than" } ] }""", "policies[0].thresholds[0].scaleDown: must be above scaleUp (20) for less_than")]
    public void Semantic_errors_name_the_field(string json, string message)
    {
        Assert.Equal([message], ValidationErrors(json));
    }
}
