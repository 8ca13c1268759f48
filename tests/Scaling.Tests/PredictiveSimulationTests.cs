using System.Globalization;
using System.Text;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;
using static Autoscaler.Scaling.Tests.DemandTrace;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Predictive scaling in closed loop: the forecast capacity is a floor (AWS), what is forecast is the metric's total, and
/// configurations that cannot work are refused. Each "Defect" test failed before its fix.
/// </summary>
public sealed class PredictiveSimulationTests
{
    private const string Tracking = """{ "name": "tt", "type": "targetTracking", "metric": "requests", "target": { "type": "AverageValue", "value": 700 } }""";
    private const string Predictive = """{ "name": "forecast", "type": "predictive", "metric": "requests", "targetValue": 700, "mode": "ForecastAndScale", "schedulingBufferSeconds": 300 }""";

    private static string TwoWeeks(string policies) => Document(policies, 14 * 288, 300, DailyOnly, interval: 300, delay: 300);

    // Defect 2: the forecast's vote was left out of scale-in, so target tracking pulled capacity below the forecast and
    // predictive pushed it back at the next evaluation (288 actions became 1,443 over two weeks).
    [Fact]
    public void Defect_predictive_adds_few_actions_and_never_lets_capacity_fall_below_its_forecast()
    {
        var alone = Run(TwoWeeks($"[ {Tracking} ]")).Summary;
        var both = Simulator.Run(Read(TwoWeeks($"[ {Tracking}, {Predictive} ]")));

        // Before: ~5x the actions. Now the floor adds the forecast's own hourly steps (ceil(forecast / 700) has no
        // tolerance band, target tracking has 10 %): one more step at the daily peak (bench/: +10-20 % on such traces).
        Assert.True(both.Summary.Actions <= alone.Actions * 1.25, $"{both.Summary.Actions} actions with predictive, {alone.Actions} without");
        Assert.True(both.Summary.Demand!.UnderProvisionedSeconds <= alone.Demand!.UnderProvisionedSeconds);
        Assert.All(both.Decisions, step =>
        {
            if (step.Decision.Proposals[1].Floor is { } floor)
            {
                Assert.True(step.Decision.Desired >= Math.Min(floor, 100), $"{step.At}: {step.Decision.Desired} below the forecast floor {floor}");
            }
        });
    }

    [Fact]
    public void Dynamic_policies_may_scale_above_the_floor_but_not_below_it()
    {
        // Hour by hour the same total 7,000 for two days: the forecast floor is 10. Target tracking at 1,400 per instance
        // would hold 5; the floor keeps 10 and says so.
        var json = Document(
            $$"""[ { "name": "tt", "type": "targetTracking", "metric": "requests", "target": { "type": "AverageValue", "value": 1400 } }, {{Predictive}} ]""",
            49, 3600, _ => 7000, interval: 3600, target: """{ "current": 10, "min": 1, "max": 100 }""");

        var last = Simulator.Run(Read(json)).Decisions[^1].Decision;

        Assert.Equal((10, 10, LimitReason.TooFewReplicas), (last.Desired, last.Min, last.LimitedBy));
        Assert.Contains("floor 10 until", last.Proposals[1].Explanation, StringComparison.Ordinal);
    }

    // Defect 4: on a per-instance metric the policy forecast the per-instance mean (60) and divided it by the target
    // again: 1 instance. The total (10 × 60 = 600) over 100 per instance is 6.
    [Fact]
    public void Defect_the_total_of_a_per_instance_metric_is_forecast()
    {
        var json = new StringBuilder("""
            { "target": { "current": 10, "min": 1, "max": 50 }, "evaluationIntervalSeconds": 3600,
              "policies": [ { "name": "forecast", "type": "predictive", "metric": "load", "targetValue": 100, "mode": "ForecastAndScale" } ], "trace": [
            """);
        var instances = string.Join(", ", Enumerable.Range(0, 10).Select(i => $$"""{ "id": "i{{i}}", "value": 60 }"""));
        for (var hour = 0; hour < 30; hour++)
        {
            json.Append(hour == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{ "at": "{{Start.AddHours(hour):yyyy-MM-ddTHH:mm:ssZ}}", "metrics": { "load": { "instances": [ {{instances}} ] } } }""");
        }

        var last = Simulator.Run(Read(json.Append("] }").ToString())).Decisions[^1].Decision;

        Assert.Equal(600, last.Proposals[0].MetricValue);
        Assert.Equal(6, last.Proposals[0].Desired);
    }

    [Fact]
    public void Defect_a_season_longer_than_the_kept_history_is_refused_naming_the_field()
    {
        var json = Document(
            """[ { "name": "f", "type": "predictive", "metric": "requests", "targetValue": 1, "stepSeconds": 86400, "seasonLength": 24 } ]""", 2, 60, _ => 1);

        Assert.StartsWith("policies[0].seasonLength: 24 steps of 86400 s is a season of 24 days", Error(json), StringComparison.Ordinal);
    }
}
