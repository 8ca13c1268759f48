using System.Text.Json;
using System.Text.Json.Nodes;
using static Autoscaler.Scaling.Tests.DemandTrace;

namespace Autoscaler.Scaling.Tests;

/// <summary><c>autoscaler simulate</c> with reports, variants and summaries, and <c>autoscaler tune</c>, in-process.</summary>
public sealed class PlanningCliTests : IDisposable
{
    private const string Tracking = """[ { "name": "tt", "type": "targetTracking", "metric": "requests", "target": { "type": "Utilization", "value": 70 } } ]""";
    private const string Search = """
        "search": { "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "requests", "target": { "type": "Utilization" },
                                    "ranges": { "target.value": [ 50, 60, 70, 80, 90 ] } } ],
                    "behavior": { "scaleUp": { "stabilizationWindowSeconds": 0 }, "ranges": { "scaleDown.stabilizationWindowSeconds": [ 0, 300 ] } },
                    "maxUnderProvisionedPercent": 1.0 },
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("autoscaler-planning-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string Day(string policies, string extra = "") =>
        Document(policies, 288, 300, DailyOnly, interval: 60, delay: 120, extra: extra);

    private static string TuneInput(string search = Search) => Day(Tracking).Replace("\"trace\": [", search + " \"trace\": [", StringComparison.Ordinal);

    [Fact]
    public void A_report_holds_the_page_and_its_chart_and_standard_output_stays_json()
    {
        var report = Path.Combine(_directory, "report");
        var (exit, output, error) = CliHarness.Run(null, "simulate", "--input", File("day.json", Day(Tracking)), "--report", report);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("decisions").GetArrayLength() > 1000);
        var png = System.IO.File.ReadAllBytes(Path.Combine(report, "capacity.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains("data:image/png;base64,", System.IO.File.ReadAllText(Path.Combine(report, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_inputs_are_compared_as_variants_and_summary_only_leaves_decisions_out()
    {
        var loose = Day(Tracking.Replace("70", "90", StringComparison.Ordinal));
        var (exit, output, _) = CliHarness.Run(null, "simulate", "--input", File("tight.json", Day(Tracking)), "--input", File("loose.json", loose));
        var (summaryExit, summary, _) = CliHarness.Run(null, "simulate", "--input", File("one.json", Day(Tracking)), "--summary-only");

        Assert.Equal((0, 0), (exit, summaryExit));
        var variants = JsonNode.Parse(output)!["variants"]!.AsArray();
        Assert.Equal(["tight", "loose"], variants.Select(v => v!["name"]!.GetValue<string>()));
        Assert.True(variants[1]!["summary"]!["capacityHours"]!.GetValue<double>() < variants[0]!["summary"]!["capacityHours"]!.GetValue<double>());
        Assert.Equal(["capacity", "summary"], JsonNode.Parse(summary)!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Inputs_with_different_traces_are_refused()
    {
        var (exit, output, error) = CliHarness.Run(
            null, "simulate", "--input", File("a.json", Day(Tracking)), "--input", File("b.json", Document(Tracking, 10, 300, DailyOnly)));

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("--input: b: every input must carry the same trace", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tune_returns_a_frontier_and_a_recommendation_that_re_simulates_to_its_summary()
    {
        var (exit, output, error) = CliHarness.Run(null, "tune", "--input", File("tune.json", TuneInput()));

        Assert.Equal((0, string.Empty), (exit, error));
        var result = JsonNode.Parse(output)!;
        Assert.Equal(10, result["evaluated"]!.GetValue<int>());
        var frontier = result["frontier"]!.AsArray().Select(c => c!["summary"]!).ToList();
        Assert.NotEmpty(frontier);
        for (var i = 1; i < frontier.Count; i++)
        {
            Assert.True(frontier[i]["capacityHours"]!.GetValue<double>() >= frontier[i - 1]["capacityHours"]!.GetValue<double>());
            Assert.True(frontier[i]["underProvisionedSeconds"]!.GetValue<double>() < frontier[i - 1]["underProvisionedSeconds"]!.GetValue<double>());
        }

        var recommended = result["recommended"]!;
        Assert.True(recommended["summary"]!["underProvisionedPercent"]!.GetValue<double>() <= 1.0);
        var input = JsonNode.Parse(TuneInput())!.AsObject();
        input.Remove("search");
        input["policies"] = recommended["policies"]!.DeepClone();
        input["behavior"] = recommended["behavior"]!.DeepClone();
        var (again, rerun, _) = CliHarness.Run(null, "simulate", "--input", File("rerun.json", input.ToJsonString()), "--summary-only");

        Assert.Equal(0, again);
        Assert.Equal(recommended["summary"]!.ToJsonString(), JsonNode.Parse(rerun)!["summary"]!.ToJsonString());
        Assert.NotNull(result["baseline"]);
    }

    [Fact]
    public void Tune_gives_the_same_answer_on_one_thread_and_on_two()
    {
        var path = File("tune.json", TuneInput());

        Assert.Equal(CliHarness.Run(null, "tune", "--input", path, "--parallelism", "1").Output, CliHarness.Run(null, "tune", "--input", path, "--parallelism", "2").Output);
    }

    [Fact]
    public void Tune_report_draws_the_frontier_and_the_recommended_run()
    {
        var report = Path.Combine(_directory, "tune-report");
        var (exit, _, _) = CliHarness.Run(null, "tune", "--input", File("tune.json", TuneInput()), "--report", report);

        Assert.Equal(0, exit);
        Assert.True(new FileInfo(Path.Combine(report, "frontier.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(report, "capacity.png")).Length > 10_000);
        Assert.Contains("Recommended policies", System.IO.File.ReadAllText(Path.Combine(report, "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"ranges\": { \"target.value\"", "\"ranges\": { \"target..value\"", "search.policies[0].ranges.target..value: a path is names joined by '.'")]
    [InlineData("[ 50, 60, 70, 80, 90 ]", "[]", "search.policies[0].ranges.target.value: must be a non-empty array of values")]
    [InlineData("\"maxUnderProvisionedPercent\": 1.0", "\"maxUnderProvisionedPercent\": 101", "search.maxUnderProvisionedPercent: must be between 0 and 100")]
    [InlineData("\"ranges\": { \"target.value\"", "\"ranges\": { \"steps[3].adjustment\": [1], \"target.value\"", "search.policies[0].ranges.steps[3].adjustment: index 3 is past the array's 0 items")]
    public void Tune_input_errors_name_the_field(string from, string to, string expected)
    {
        var (exit, output, error) = CliHarness.Run(null, "tune", "--input", File("bad.json", TuneInput().Replace(from, to, StringComparison.Ordinal)));

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tune_refuses_an_open_loop_trace_and_a_search_too_large()
    {
        var openLoop = """
            { "target": { "current": 1, "min": 1, "max": 5 }, "evaluationIntervalSeconds": 60,
              "search": { "policies": [ { "name": "a", "type": "targetTracking", "metric": "m", "target": { "type": "Value", "value": 1 } } ] },
              "trace": [ { "at": "2026-03-02T00:00:00Z", "metrics": { "m": { "value": 1 } } } ] }
            """;
        var values = string.Join(", ", Enumerable.Range(1, 400));
        var huge = TuneInput(Search.Replace("[ 50, 60, 70, 80, 90 ]", $"[ {values} ]", StringComparison.Ordinal)
            .Replace("[ 0, 300 ]", $"[ {values} ]", StringComparison.Ordinal));

        Assert.StartsWith("trace: tune needs a demand-mode trace", CliHarness.Run(null, "tune", "--input", File("open.json", openLoop)).Error, StringComparison.Ordinal);
        Assert.StartsWith("search: the ranges make 160000 combinations, more than 100000", CliHarness.Run(null, "tune", "--input", File("huge.json", huge)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_the_policy_reader_refuses_are_counted_not_simulated()
    {
        var (exit, output, _) = CliHarness.Run(null, "tune", "--input", File("tune.json", TuneInput().Replace("[ 50, 60, 70, 80, 90 ]", "[ 50, -1 ]", StringComparison.Ordinal)));

        Assert.Equal(0, exit);
        var result = JsonNode.Parse(output)!;
        Assert.Equal((2, 2), (result["evaluated"]!.GetValue<int>(), result["invalid"]!.GetValue<int>()));
        Assert.StartsWith("candidate 2: policies[0].target.value:", result["firstInvalid"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_report_directory_is_an_input_error()
    {
        var blocker = File("blocker", "a file, not a directory");

        var (exit, output, error) = CliHarness.Run(null, "simulate", "--input", File("day.json", Day(Tracking)), "--summary-only", "--report", Path.Combine(blocker, "report"));

        Assert.Equal(2, exit);
        Assert.StartsWith("--report: cannot write", error, StringComparison.Ordinal);
        _ = output;
    }
}
