using System.Text.Json;

namespace Autoscaler.Scaling.Tests;

/// <summary>The <c>autoscaler</c> commands, run in-process.</summary>
public sealed class CliTests
{
    [Fact]
    public void Evaluate_prints_one_json_document()
    {
        var (exit, output, error) = CliHarness.Run(null, "evaluate", "--input", CaseFiles.Path("contract-example.json"));

        Assert.Equal((0, string.Empty), (exit, error));
        using var document = JsonDocument.Parse(output);
        Assert.Equal(4, document.RootElement.GetProperty("desired").GetInt32());
        Assert.Contains("\"ratio\": 2.0", output, StringComparison.Ordinal);
        Assert.Contains("-> 4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_reads_standard_input()
    {
        var (exit, output, _) = CliHarness.Run(CaseFiles.Read("contract-example.json"), "evaluate", "--input", "-");

        Assert.Equal(0, exit);
        Assert.Equal(3, JsonDocument.Parse(output).RootElement.GetProperty("current").GetInt32());
    }

    [Fact]
    public void Evaluate_output_history_feeds_the_next_evaluation()
    {
        var first = JsonDocument.Parse(CliHarness.Run(null, "evaluate", "--input", CaseFiles.Path("contract-example.json")).Output).RootElement;
        var next = System.Text.Json.Nodes.JsonNode.Parse(CaseFiles.Read("contract-example.json"))!;
        next["history"] = System.Text.Json.Nodes.JsonNode.Parse(first.GetProperty("history").GetRawText());
        next["target"]!["current"] = 4;
        next["now"] = "2026-01-01T12:00:15Z";

        var (exit, output, error) = CliHarness.Run(next.ToJsonString(), "evaluate", "--input", "-");

        Assert.True(exit == 0, error);
        Assert.Equal(4, JsonDocument.Parse(output).RootElement.GetProperty("current").GetInt32());
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var (exit, output, error) = CliHarness.Run(null, "evaluate", "--input", "/nonexistent/input.json");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("--input: cannot read /nonexistent/input.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        var (exit, output, error) = CliHarness.Run(null, "evaluate");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("--input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_prints_ok()
    {
        var (exit, output, error) = CliHarness.Run(null, "validate", "--input", CaseFiles.Path("policy-file.json"));

        Assert.Equal((0, "OK" + Environment.NewLine, string.Empty), (exit, output, error));
    }

    [Fact]
    public void Validate_prints_every_error()
    {
        var broken = CaseFiles.Read("policy-file.json")
            .Replace("\"value\": 60 }", "\"value\": 0 }", StringComparison.Ordinal)
            .Replace("\"lower\": 0, \"upper\": 1000", "\"lower\": 0, \"upper\": 900", StringComparison.Ordinal);

        var (exit, output, error) = CliHarness.Run(broken, "validate", "--input", "-");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("policies[0].target.value: must be positive", error, StringComparison.Ordinal);
        Assert.Contains("policies[1].steps[3].lower: ranges leave a gap", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_prints_json_by_default_and_a_table_on_request()
    {
        var json = CliHarness.Run(null, "simulate", "--input", CaseFiles.Path("simulate-spike.json"));
        var table = CliHarness.Run(null, "simulate", "--input", CaseFiles.Path("simulate-spike.json"), "--format", "table");

        Assert.Equal(0, json.Exit);
        var summary = JsonDocument.Parse(json.Output).RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("scaleOuts").GetInt32());
        Assert.Equal(0, table.Exit);
        Assert.Contains("Capacity-hours", table.Output, StringComparison.Ordinal);
        Assert.Contains("Seconds above target: rps", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_rejects_an_unknown_format()
    {
        var (exit, output, _) = CliHarness.Run(null, "simulate", "--input", CaseFiles.Path("simulate-spike.json"), "--format", "yaml");

        Assert.Equal((2, string.Empty), (exit, output));
    }
}
