using System.Text.Json;

namespace Autoscaler.Alarms.Tests;

/// <summary><c>autoscaler alarms evaluate | composite | validate | templates</c> per docs/contracts/alarms.md.</summary>
public sealed class AlarmCliTests
{
    private const string ContractEvaluate = """
        {
          "alarm": {
            "name": "HighCPUUtilization", "metric": "cpu", "statistic": "Average", "periodSeconds": 300,
            "evaluationPeriods": 3, "datapointsToAlarm": 3, "threshold": 90, "comparison": "GreaterThanThreshold",
            "treatMissingData": "missing", "severity": "critical"
          },
          "state": "OK",
          "datapoints": [ 91.0, null, 95.5, null, 97.1 ]
        }
        """;

    private const string ContractComposite = """
        { "rule": "(ALARM(\"HighCPUUtilization\") OR ALARM(QueueDepthIncreasing)) AND NOT ALARM(Maintenance)",
          "states": { "HighCPUUtilization": "ALARM", "QueueDepthIncreasing": "OK", "Maintenance": "OK" },
          "state": "OK" }
        """;

    [Fact]
    public void Evaluate_gives_the_contracts_output_for_its_example()
    {
        var (exit, output, error) = CliHarness.Run(ContractEvaluate, "alarms", "evaluate", "--input", "-");

        Assert.Equal((0, string.Empty), (exit, error));
        var expected = JsonDocument.Parse("""
            {
              "state": "ALARM", "previousState": "OK", "changed": true,
              "evaluated": [ { "index": 4, "value": 97.1, "breaching": true },
                             { "index": 2, "value": 95.5, "breaching": true },
                             { "index": 0, "value": 91.0, "breaching": true } ],
              "reason": "Threshold Crossed: 3 out of the last 3 datapoints [97.1, 95.5, 91.0] were greater than the threshold (90.0) (minimum 3 datapoints for OK -> ALARM transition)."
            }
            """);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, JsonDocument.Parse(output).RootElement), output);
        Assert.Contains("\"value\": 91.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Filled_periods_are_written_with_null_index_and_value()
    {
        var input = ContractEvaluate.Replace("\"missing\"", "\"breaching\"", StringComparison.Ordinal)
            .Replace("[ 91.0, null, 95.5, null, 97.1 ]", "[ 10, null, null, null, null ]", StringComparison.Ordinal);

        var (exit, output, _) = CliHarness.Run(input, "alarms", "evaluate", "--input", "-");

        Assert.Equal(0, exit);
        var first = JsonDocument.Parse(output).RootElement.GetProperty("evaluated")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("index").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("value").ValueKind);
        Assert.Equal("breaching", first.GetProperty("filled").GetString());
    }

    [Fact]
    public void Ignore_with_too_little_data_keeps_the_state()
    {
        var input = ContractEvaluate.Replace("\"missing\"", "\"ignore\"", StringComparison.Ordinal)
            .Replace("[ 91.0, null, 95.5, null, 97.1 ]", "[ null, null, null, null, null ]", StringComparison.Ordinal);

        var root = JsonDocument.Parse(CliHarness.Run(input, "alarms", "evaluate", "-i", "-").Output).RootElement;

        Assert.Equal(("OK", false), (root.GetProperty("state").GetString(), root.GetProperty("changed").GetBoolean()));
    }

    [Fact]
    public void Composite_gives_the_contracts_state_previous_state_changed_and_reason()
    {
        var (exit, output, error) = CliHarness.Run(ContractComposite, "alarms", "composite", "--input", "-");

        Assert.Equal((0, string.Empty), (exit, error));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["state", "previousState", "changed", "reason"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ALARM", "OK", true), (root.GetProperty("state").GetString(), root.GetProperty("previousState").GetString(), root.GetProperty("changed").GetBoolean()));
        Assert.Contains("HighCPUUtilization is ALARM", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"datapointsToAlarm\": 3", "\"datapointsToAlarm\": 4", "alarm.datapointsToAlarm: must be between 1 and evaluationPeriods (3)")]
    [InlineData("\"datapointsToAlarm\": 3", "\"datapointsToAlarm\": 3, \"colour\": \"red\"", "alarm.colour: unknown field")]
    [InlineData("\"GreaterThanThreshold\"", "\"Above\"", "alarm.comparison: must be one of")]
    [InlineData("\"missing\"", "\"zero\"", "alarm.treatMissingData: must be one of missing, ignore, breaching, notBreaching, not \"zero\"")]
    [InlineData("\"Average\"", "\"p101\"", "alarm.statistic: must be Average, Sum, Minimum, Maximum, SampleCount or pNN")]
    [InlineData("\"periodSeconds\": 300", "\"periodSeconds\": 90", "alarm.periodSeconds: must be 10, 20, 30 or a multiple of 60")]
    [InlineData("95.5, null", "\"95.5\", null", "datapoints[2]: must be a finite number or null, not \"95.5\"")]
    [InlineData("[ 91.0, null, 95.5, null, 97.1 ]", "[ 1, 2 ]", "datapoints: must hold at least evaluationPeriods (3) entries, not 2")]
    [InlineData("\"state\": \"OK\"", "\"state\": \"ok\"", "state: must be one of OK, ALARM, INSUFFICIENT_DATA, not \"ok\"")]
    [InlineData("\"threshold\": 90,", "", "alarm.threshold: is required")]
    public void Invalid_input_exits_2_naming_the_field_with_nothing_on_standard_output(string from, string to, string message)
    {
        var (exit, output, error) = CliHarness.Run(ContractEvaluate.Replace(from, to, StringComparison.Ordinal), "alarms", "evaluate", "--input", "-");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_gets_its_own_line()
    {
        var input = ContractEvaluate.Replace("\"datapointsToAlarm\": 3", "\"datapointsToAlarm\": 9", StringComparison.Ordinal)
            .Replace("\"Average\"", "\"Mean\"", StringComparison.Ordinal).Replace("\"missing\"", "\"none\"", StringComparison.Ordinal);

        var (exit, _, error) = CliHarness.Run(input, "alarms", "evaluate", "--input", "-");

        Assert.Equal(2, exit);
        Assert.Equal(3, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("{ \"rule\": \"ALARM(A) AND ALARM(B)\", \"states\": { \"A\": \"OK\" } }", "states: has no state for alarm \"B\", which the rule names at column 20")]
    [InlineData("{ \"rule\": \"ALARM(A) AND\", \"states\": { \"A\": \"OK\" } }", "rule: column 13:")]
    [InlineData("{ \"rule\": \"ALARM(A)\", \"states\": { \"A\": \"RED\" } }", "states.A: must be one of OK, ALARM, INSUFFICIENT_DATA, not \"RED\"")]
    [InlineData("{ \"rule\": \"ALARM(A)\" }", "states: is required")]
    [InlineData("{ \"rule\": \"ALARM(A)\", \"states\": {}, \"extra\": 1 }", "states: has no state for alarm \"A\"")]
    [InlineData("not json", "$: invalid JSON")]
    public void Composite_input_errors_exit_2(string input, string message)
    {
        var (exit, output, error) = CliHarness.Run(input, "alarms", "composite", "--input", "-");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_every_bundled_set_and_reports_a_broken_file()
    {
        foreach (var template in Templates.AlarmTemplateCatalog.All)
        {
            var (showExit, file, showError) = CliHarness.Run(null, "alarms", "templates", "show", template.Name, "--target", "mistersmith-worker");
            Assert.True(showExit == 0, showError);
            var (exit, output, _) = CliHarness.Run(file, "alarms", "validate", "--input", "-");
            Assert.Equal(0, exit);
            Assert.StartsWith("OK (", output, StringComparison.Ordinal);
        }

        var broken = CliHarness.Run("""{ "alarms": [ { "name": "a b", "metric": "cpu" } ] }""", "alarms", "validate", "--input", "-");
        Assert.Equal(2, broken.Exit);
        Assert.Contains("alarms[0].name: must be 1-128 letters", broken.Error, StringComparison.Ordinal);
        Assert.Contains("alarms[0].periodSeconds: is required", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_list_the_seeds_sets_and_rename_metrics()
    {
        var list = JsonDocument.Parse(CliHarness.Run(null, "alarms", "templates", "list").Output).RootElement;
        Assert.Contains("mistersmith-critical", list.EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        var (exit, output, _) = CliHarness.Run(null, "alarms", "templates", "show", "mistersmith-critical", "-t", "web", "--prefix", "", "-m", "cpu=CPUUtilization");
        Assert.Equal(0, exit);
        var alarms = JsonDocument.Parse(output).RootElement.GetProperty("alarms");
        var cpu = alarms.EnumerateArray().First(a => a.GetProperty("name").GetString() == "HighCPUUtilization");
        Assert.Equal(("CPUUtilization", 90, 2, 300), (cpu.GetProperty("metric").GetString(), cpu.GetProperty("threshold").GetInt32(),
            cpu.GetProperty("evaluationPeriods").GetInt32(), cpu.GetProperty("periodSeconds").GetInt32()));

        var unknown = CliHarness.Run(null, "alarms", "templates", "show", "nope", "-t", "web");
        Assert.Equal(2, unknown.Exit);
        Assert.StartsWith("name: unknown alarm template \"nope\"", unknown.Error, StringComparison.Ordinal);
    }
}
