using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using static Autoscaler.Scaling.Tests.PartsPolicyFixture;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Pins AWS predictive scaling semantics (PredictiveScalingPolicyConfiguration: Mode ForecastOnly/ForecastAndScale,
/// SchedulingBufferTime, MaxCapacityBreachBehavior, MaxCapacityBuffer "forecast 50, buffer 10, max 40 -> 55") on a
/// synthetic daily load: 1000 + 500·sin(2π·hour/24) requests, hourly points for 7 days.
/// </summary>
public sealed class PredictivePolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EvaluatedAt = Start.AddDays(7).AddHours(3).AddMinutes(30);

    private static double Load(int hour) => 1000 + (500 * Math.Sin(2 * Math.PI * (hour % 24) / 24));

    private static Dictionary<string, IReadOnlyList<MetricPoint>> History(int hours = (7 * 24) + 4) => new()
    {
        ["requests"] = [.. Enumerable.Range(0, hours).Select(h => new MetricPoint(Start.AddHours(h), Load(h)))],
    };

    private static string Policy(string extra) =>
        $$"""{ "name": "forecast", "type": "predictive", "metric": "requests", "targetValue": 50, "mode": "ForecastAndScale" {{extra}} }""";

    // At 03:30 the whole hours end at 03:00 (the 03:00 hour is in progress, not a history point); the forecast in place is
    // the one for the hour containing now + schedulingBufferSeconds.
    [Theory]
    [InlineData("", 0, 28)]                                    // hour 03:00: 1354 / 50 -> 28
    [InlineData("", 25, 28)]                                   // 03:55 without a buffer: still hour 03:00
    [InlineData(""", "schedulingBufferSeconds": 600""", 25, 29)] // 03:55 + 600 s is in hour 04:00: its capacity is in place
    [InlineData(""", "schedulingBufferSeconds": 3600""", 0, 29)] // 04:30: hour 04:00's 1433 / 50 -> 29
    [InlineData(""", "schedulingBufferSeconds": 3600""", 60, 30)] // at 04:30 launch ahead for 05:00: 1483 / 50 -> 30
    public void Capacity_is_the_forecast_over_the_target_value(string extra, int laterMinutes, int expected)
    {
        var proposal = Parse(Policy(extra)).Propose(Context(10, History(), now: EvaluatedAt.AddMinutes(laterMinutes)));

        Assert.Equal(ProposalStatus.Vote, proposal.Status);
        Assert.Equal(expected, proposal.Desired);
        Assert.False(proposal.MayScaleIn);
        Assert.Contains("seasonalNaive", proposal.Explanation, StringComparison.Ordinal);
        Assert.Contains("MAPE 0%", proposal.Explanation, StringComparison.Ordinal);
        Assert.Equal(1.0, proposal.Confidence, 9);
    }

    [Fact]
    public void Honor_max_capacity_leaves_the_bounds_alone()
    {
        var proposal = Parse(Policy(string.Empty)).Propose(Context(10, History(), now: EvaluatedAt, max: 20));

        Assert.Null(proposal.Bounds);
        Assert.Equal(28, proposal.Desired);
    }

    [Fact]
    public void Increase_max_capacity_raises_max_to_forecast_plus_buffer()
    {
        var policy = Parse(Policy(""", "maxCapacityBreachBehavior": "IncreaseMaxCapacity", "maxCapacityBuffer": 10"""));

        var proposal = policy.Propose(Context(10, History(), now: EvaluatedAt, max: 20));

        Assert.Equal(new CapacityBounds(null, 31), proposal.Bounds);
        Assert.Contains("max raised from 20 to 31 (buffer 10%)", proposal.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_only_reports_without_voting()
    {
        var policy = Parse("""{ "name": "forecast", "type": "predictive", "metric": "requests", "targetValue": 50 }""");

        var proposal = policy.Propose(Context(10, History(), now: EvaluatedAt));

        Assert.Equal(ProposalStatus.ForecastOnly, proposal.Status);
        Assert.Null(proposal.Desired);
        Assert.Equal(Load(3), proposal.MetricValue!.Value, 6);
    }

    [Fact]
    public void Too_little_history_abstains_without_holding_scale_in_back()
    {
        var proposal = Parse(Policy(string.Empty)).Propose(Context(10, History(10), now: Start.AddHours(10)));

        Assert.Equal(ProposalStatus.Inactive, proposal.Status);
        Assert.Equal("forecast: requests has 10 of the 24 whole history steps a forecast needs: no forecast, no floor", proposal.Explanation);
    }

    [Fact]
    public void History_that_ended_more_than_a_season_ago_abstains()
    {
        var proposal = Parse(Policy(string.Empty)).Propose(Context(10, History(), now: EvaluatedAt.AddDays(2)));

        Assert.Equal(ProposalStatus.Inactive, proposal.Status);
        Assert.Equal(
            "forecast: requests history ends at 2026-01-08T04:00:00Z, more than a season (24 steps) before now: no forecast, no floor", proposal.Explanation);
    }

    [Fact]
    public void Any_metric_can_be_forecast_with_its_own_step_and_season()
    {
        var points = Enumerable.Range(0, 40).Select(i => new MetricPoint(Start.AddMinutes(i * 5), i % 4 == 0 ? 400 : 100)).ToList();
        var policy = Parse("""
            { "name": "f", "type": "predictive", "metric": "queue", "targetValue": 100, "mode": "ForecastAndScale", "stepSeconds": 300, "seasonLength": 4 }
            """);

        // At 03:22 the 5-minute steps through 03:15-03:20 are whole (40 points); the step in place is 03:20 (seasonal: 400).
        var proposal = policy.Propose(Context(1, new Dictionary<string, IReadOnlyList<MetricPoint>> { ["queue"] = points }, now: Start.AddMinutes(202)));

        Assert.Equal(4, proposal.Desired);
    }

    [Theory]
    [InlineData(""", "schedulingBufferSeconds": 7200""", "policies[0].schedulingBufferSeconds: must be between 0 and 3600, not 7200")]
    [InlineData(""", "maxCapacityBuffer": 101""", "policies[0].maxCapacityBuffer: must be between 0 and 100, not 101")]
    public void Structural_errors_name_the_field(string extra, string message)
    {
        Assert.Equal(message, ParseError(Policy(extra)));
    }

    [Fact]
    public void Unknown_mode_is_named()
    {
        Assert.Equal(
            "policies[0].mode: must be one of ForecastOnly, ForecastAndScale, not \"Sometimes\"",
            ParseError("""{ "name": "f", "type": "predictive", "metric": "m", "targetValue": 1, "mode": "Sometimes" }"""));
    }

    [Fact]
    public void Buffer_needs_increase_max_capacity_and_target_must_be_positive()
    {
        var errors = ValidationErrors("""{ "name": "f", "type": "predictive", "metric": "m", "targetValue": 0, "maxCapacityBuffer": 10 }""");

        Assert.Equal(
            [
                "policies[0].targetValue: must be positive",
                "policies[0].maxCapacityBuffer: is only allowed with maxCapacityBreachBehavior IncreaseMaxCapacity",
            ],
            errors);
    }
}
