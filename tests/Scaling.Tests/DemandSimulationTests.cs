using System.Text;
using System.Text.Json;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;
using static Autoscaler.Scaling.Tests.DemandTrace;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Demand mode (closed loop, contracts/simulate.md): total demand spread over running capacity, the actuation delay rule,
/// scale from zero, scoring, limits and input checks. Each "Defect" test failed before its fix.
/// </summary>
public sealed class DemandSimulationTests
{
    private const string TrackAverage = """[ { "name": "tt", "type": "targetTracking", "metric": "requests", "target": { "type": "AverageValue", "value": 700 } } ]""";
    private const string TrackUtilization = """[ { "name": "util", "type": "targetTracking", "metric": "requests", "target": { "type": "Utilization", "value": 70 } } ]""";
    private const string Steps = """
        [ { "name": "steps", "type": "stepScaling", "metric": "requests", "threshold": 800, "adjustmentType": "ChangeInCapacity", "cooldownSeconds": 60,
            "steps": [ { "lower": null, "upper": -300, "adjustment": -1 }, { "lower": -300, "upper": 0, "adjustment": 0 }, { "lower": 0, "upper": null, "adjustment": 1 } ] } ]
        """;

    // Defect 1: replayed as recorded, a per-instance metric never fell as capacity rose, so every per-instance policy
    // ran to max. Closed loop, 10,000 requests at 700 per instance settle at ceil(10000 / 700) = 15.
    [Theory]
    [InlineData(TrackAverage, 15)]
    [InlineData(TrackUtilization, 15)]
    public void Defect_per_instance_policies_settle_where_demand_is_met(string policies, int expected)
    {
        var result = Run(Document(policies, 121, 60, _ => 10_000));

        Assert.Equal(expected, result.Capacity[^1].Capacity);
        Assert.True(result.Summary.PeakCapacity <= expected, $"peak {result.Summary.PeakCapacity}");
    }

    [Fact]
    public void Defect_step_scaling_on_a_per_instance_metric_stops_when_load_per_instance_drops()
    {
        // 8,000 requests: at or above 800 per instance (+1) until 11 run; 727 each is in the no-change band (500, 800].
        var result = Run(Document(Steps, 61, 60, _ => 8_000));

        Assert.Equal(11, result.Capacity[^1].Capacity);
    }

    [Fact]
    public void The_engine_sees_demand_over_the_capacity_running_after_the_delay()
    {
        var result = Run(Document(TrackAverage, 11, 60, _ => 7_000, delay: 300), SimulationOptions.Default);

        // 7,000 over the 2 running: 3,500 each -> 10. Capacity decided at 00:00 runs from 00:05: until then the engine still
        // sees 2 instances (and the scale-up limit lets it ask for more again), from 00:05 it sees what runs.
        Assert.Equal(3500, result.Decisions[0].Decision.Proposals[0].MetricValue);
        Assert.Equal(3500, result.Decisions[4].Decision.Proposals[0].MetricValue);
        Assert.Equal(new CapacityPoint(Start.AddMinutes(5), result.Decisions[0].Decision.Desired), result.Capacity[1]);
        Assert.NotEqual(3500, result.Decisions[5].Decision.Proposals[0].MetricValue);
    }

    [Fact]
    public void With_nothing_running_the_engine_sees_the_aggregate_and_scales_from_zero()
    {
        var result = Run(Document(TrackAverage, 3, 60, _ => 1_400, target: """{ "current": 0, "min": 0, "max": 10 }"""), SimulationOptions.Default);

        Assert.Equal(1400, result.Decisions[0].Decision.Proposals[0].MetricValue);
        Assert.Equal(2, result.Decisions[0].Decision.Desired);
    }

    [Fact]
    public void Scoring_measures_shortfall_oracle_and_efficiency_over_the_window()
    {
        // Capacity pinned at 2 (min = max): 2,500 for the first 10 minutes, then 500, for an hour.
        static double Demand(DateTimeOffset at) => at < Start.AddMinutes(10) ? 2_500 : 500;
        var json = Document(TrackAverage, 61, 60, Demand, target: """{ "current": 2, "min": 2, "max": 2 }""");

        var summary = Run(json).Summary;
        var scored = Run(json.Replace("\"trace\": [", "\"score\": { \"from\": \"2026-03-02T00:10:00Z\" }, \"trace\": [", StringComparison.Ordinal)).Summary;

        Assert.Equal(600, summary.Demand!.UnderProvisionedSeconds, 6);
        Assert.Equal(1, summary.Demand.MaxShortfall);
        Assert.Equal((3 * 10 / 60.0) + (1 * 50 / 60.0), summary.Demand.OracleCapacityHours, 9);
        Assert.Equal(2.0, summary.CapacityHours, 9);
        Assert.Equal(summary.Demand.OracleCapacityHours / 2, summary.Demand.Efficiency(summary.CapacityHours), 9);
        Assert.Equal((0.0, 0, 50 / 60.0 * 2), (scored.Demand!.UnderProvisionedSeconds, scored.Demand.MaxShortfall, scored.CapacityHours));
        Assert.Equal(Start.AddMinutes(10), scored.ScoredFrom);
    }

    [Fact]
    public void History_before_the_score_window_warms_up_but_its_actions_are_not_counted()
    {
        var json = Document(TrackAverage, 61, 60, _ => 10_000);
        var whole = Run(json).Summary;
        var later = Run(json.Replace("\"trace\": [", "\"score\": { \"from\": \"2026-03-02T00:30:00Z\" }, \"trace\": [", StringComparison.Ordinal)).Summary;

        Assert.True(whole.ScaleOuts > 0);
        Assert.Equal(0, later.ScaleOuts);
        Assert.Equal(15 * 0.5, later.CapacityHours, 9);
    }

    // Defect 6: 25,000 evaluations were the limit; a month at 60 s is 43,200.
    [Fact]
    public void Defect_a_month_at_one_minute_runs()
    {
        var result = Run(Document(TrackAverage, 31 * 24 + 1, 3600, Daily));

        Assert.Equal((31 * 24 * 60) + 1, result.Summary.Evaluations);
        Assert.Empty(result.Decisions);
    }

    [Theory]
    [InlineData("\"requests\": 3000 } }", "\"requests\": -1 } }", "trace[0].demand.requests: must not be negative, not -1")]
    [InlineData("\"at\": \"2026-03-02T00:02:00Z\"", "\"at\": \"2026-03-02T00:01:00Z\"", "trace[2].at: duplicate timestamp")]
    [InlineData("\"at\": \"2026-03-02T00:02:00Z\"", "\"at\": \"2026-03-02T00:00:30Z\"", "trace[2].at: out of order")]
    [InlineData("\"perInstance\": 1000", "\"perInstance\": 0", "demand.requests.perInstance: must be positive")]
    public void Defect_bad_trace_entries_are_named(string from, string to, string expected)
    {
        var json = Document(TrackAverage, 4, 60, _ => 3000);
        var index = json.IndexOf(from, StringComparison.Ordinal);
        var broken = json[..index] + to + json[(index + from.Length)..];

        Assert.StartsWith(expected, Error(broken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "at": "2026-03-02T00:00:00Z", "metrics": { "cpu": { "value": -3 } } }""", "trace[0].metrics.cpu.value: must not be negative")]
    [InlineData("""{ "at": "2026-03-02T00:00:00Z", "metrics": { "cpu": { "instances": [ { "id": "a", "value": 1 }, { "id": "b", "value": -2 } ] } } }""", "trace[0].metrics.cpu.instances[1].value: must not be negative")]
    [InlineData("""{ "at": "2026-03-02T00:00:00Z", "demand": { "cpu": 1 }, "metrics": { "cpu": { "value": 1 } } }""", "trace[0].metrics: an entry carries either metrics or demand")]
    [InlineData("""{ "at": "2026-03-02T00:00:00Z", "demand": { "cpu": 1 } }""", "trace[0].demand.cpu: is not declared in the top-level demand")]
    public void Open_loop_and_mixed_entries_are_checked(string entry, string expected)
    {
        var json = $$"""{ "target": { "current": 1, "min": 1, "max": 5 }, "policies": {{TrackAverage}}, "evaluationIntervalSeconds": 60, "trace": [ {{entry}} ] }""";

        Assert.StartsWith(expected, Error(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Streamed_output_equals_the_kept_result_and_summary_only_equals_its_summary()
    {
        var request = Read(Document(TrackAverage, 31, 60, Daily, delay: 120));
        var kept = Simulator.Run(request);
        using var streamed = new MemoryStream();
        using (var writer = new Utf8JsonWriter(streamed))
        {
            var observer = new SimulationStreamWriter(writer, summaryOnly: false);
            observer.Complete(Simulator.Run(request, new SimulationOptions { KeepDecisions = false, Observer = observer }));
        }

        using var whole = new MemoryStream();
        using (var writer = new Utf8JsonWriter(whole))
        {
            SimulationWriter.Write(writer, kept);
        }

        Assert.Equal(Encoding.UTF8.GetString(whole.ToArray()), Encoding.UTF8.GetString(streamed.ToArray()));
        Assert.Equal(kept.Summary with { SecondsAboveTarget = null! }, Simulator.Run(request, SimulationOptions.SummaryOnly).Summary with { SecondsAboveTarget = null! });
    }

    [Fact]
    public void Variants_share_the_trace_and_are_named()
    {
        var json = Document(TrackAverage, 31, 60, _ => 10_000).Replace(
            "\"trace\": [",
            "\"variants\": [ { \"name\": \"tight\", \"policies\": [ { \"name\": \"tt\", \"type\": \"targetTracking\", \"metric\": \"requests\", \"target\": { \"type\": \"AverageValue\", \"value\": 950 } } ] } ], \"trace\": [",
            StringComparison.Ordinal);

        var variants = ScalingDocuments.ReadSimulations(Encoding.UTF8.GetBytes(json));

        Assert.Equal(["input", "tight"], variants.Select(v => v.Name));
        Assert.Same(variants[0].Request.Trace, variants[1].Request.Trace);
        Assert.True(Simulator.Run(variants[1].Request).Summary.CapacityHours < Simulator.Run(variants[0].Request).Summary.CapacityHours);
    }
}
