using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Autoscaler.Scaling.Tests;

/// <summary><c>autoscaler optimize</c>: the offline optimiser over a file of recorded usage (docs/optimization.md).</summary>
public sealed class OptimizeCliTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    // A week of 4 × 1 vCPU / 2 GiB at 20 % CPU and 25 % memory: hand-computed in Optimization.Tests (RightSizerTests).
    private static string Idle(string name = "idle", string size = """{ "vcpu": 1, "memoryGiB": 2 }""", string extra = "")
    {
        var usage = string.Join(",", Enumerable.Range(0, 24 * 7).Select(h =>
            string.Create(CultureInfo.InvariantCulture, $$"""{ "at": "{{Monday.AddHours(h):yyyy-MM-ddTHH:mm:ssZ}}", "instances": 4, "cpu": 20, "memory": 25 }""")));
        return $$"""{ "optimize": { "name": "{{name}}", "size": {{size}}{{extra}}, "usage": [ {{usage}} ] } }""";
    }

    private static string WithDemand()
    {
        var trace = new StringBuilder();
        for (var h = 0; h < 24 * 3; h++)
        {
            var cpu = h % 24 is >= 8 and < 20 ? 500 : 100;
            trace.Append(h == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{ "at": "{{Monday.AddHours(h):yyyy-MM-ddTHH:mm:ssZ}}", "demand": { "cpu": {{cpu}}, "memory": {{cpu / 10}} } }""");
        }

        return $$"""
            { "target": { "current": 2, "min": 1, "max": 20 }, "evaluationIntervalSeconds": 900,
              "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": 60 } } ],
              "demand": { "cpu": { "perInstance": 100 }, "memory": { "perInstance": 100 } }, "trace": [ {{trace}} ],
              "optimize": { "name": "web", "size": { "vcpu": 1, "memoryGiB": 2 }, "interruptible": true } }
            """;
    }

    [Fact]
    public void AnIdleServiceGetsAHandComputedRightSizeInJson()
    {
        var (exit, output, error) = CliHarness.Run(Idle(), "optimize", "--input", "-");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var rightSize = json.RootElement.GetProperty("rightSize");
        Assert.True(rightSize.GetProperty("change").GetBoolean());
        Assert.Equal(0.25, rightSize.GetProperty("recommended").GetProperty("size").GetProperty("vcpu").GetDouble());
        Assert.Equal(1024, rightSize.GetProperty("recommended").GetProperty("size").GetProperty("memoryMiB").GetInt32());
        Assert.Equal(101.6306, rightSize.GetProperty("monthlySavings").GetDouble());
        Assert.Equal(7, rightSize.GetProperty("confidenceDays").GetDouble());
        Assert.Equal("none", json.RootElement.GetProperty("schedule").GetProperty("pattern").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("purchase").GetProperty("committedInstances").GetInt32());
        Assert.Equal(20, json.RootElement.GetProperty("efficiency").GetProperty("cpuUtilizationPercent").GetDouble());
    }

    [Fact]
    public void TheTableShowsEachRecommendationAndItsExplanation()
    {
        var (exit, output, _) = CliHarness.Run(Idle(), "optimize", "--input", "-", "--format", "table");
        Assert.Equal(0, exit);
        Assert.Contains("1 vCPU / 2 GiB -> 0.25 vCPU / 1 GiB", output, StringComparison.Ordinal);
        Assert.Contains("101.63", output, StringComparison.Ordinal);
        Assert.Contains("CPU p95", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ADemandTraceIsReplayedForEverySizeAndScheduled()
    {
        var (exit, output, error) = CliHarness.Run(WithDemand(), "optimize", "--input", "-");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var candidates = json.RootElement.GetProperty("rightSize").GetProperty("candidates").EnumerateArray().ToList();
        Assert.True(candidates.Count > 2);
        Assert.All(candidates, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("underProvisionedPercent").ValueKind));
        var schedule = json.RootElement.GetProperty("schedule");
        Assert.Equal("daily", schedule.GetProperty("pattern").GetString());
        Assert.Equal("scheduled", schedule.GetProperty("policy").GetProperty("type").GetString());
        Assert.True(json.RootElement.GetProperty("purchase").GetProperty("spotShare").GetDouble() > 0);
    }

    [Fact]
    public void SeveralInputsGiveAFleetReport()
    {
        var directory = Directory.CreateTempSubdirectory("optimize-");
        var a = Path.Combine(directory.FullName, "a.json");
        var b = Path.Combine(directory.FullName, "b.json");
        File.WriteAllText(a, Idle("a"));
        File.WriteAllText(b, Idle("b", """{ "vcpu": 0.25, "memoryGiB": 1 }"""));
        var (exit, output, error) = CliHarness.Run(null, "optimize", "--input", a, "--input", b);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["a", "b"], json.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("target").GetString()));
        Assert.True(json.RootElement.GetProperty("monthlySavings").GetDouble() >= 101.6306);
        directory.Delete(true);
    }

    [Theory]
    [InlineData("""{ "vcpu": 0.25, "memoryGiB": 3 }""", "", "optimize.size: 3 GiB is not valid with 0.25 vCPU on Fargate (0.5–2 GiB: 0.5, 1, 2)")]
    [InlineData("""{ "vcpu": 3, "memoryGiB": 8 }""", "", "optimize.size: 3 vCPU is not a Fargate size (0.25, 0.5, 1, 2, 4, 8 or 16)")]
    [InlineData("""{ "vcpu": 1, "memoryGiB": 2 }""", """, "pricing": { "spotDiscount": 1.5 }""", "optimize.pricing: discounts must be in [0, 1)")]
    [InlineData("""{ "vcpu": 1, "memoryGiB": 2 }""", """, "rightSize": { "cpuPercentile": 0 }""", "optimize.rightSize: percentiles must be in (0, 100]")]
    [InlineData("""{ "vcpu": 1, "memoryGiB": 2 }""", """, "platform": "ec2" """, "optimize.platform: must be one of Fargate, Any, not \"ec2\"")]
    [InlineData("""{ "vcpu": 1, "memoryGiB": 2 }""", """, "colour": "red" """, "optimize.colour: unknown field")]
    public void BadInputNamesTheFieldAndWritesNothing(string size, string extra, string expected)
    {
        var (exit, output, error) = CliHarness.Run(Idle(size: size, extra: extra), "optimize", "--input", "-");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(expected, error.Trim());
    }

    [Fact]
    public void UsageIsRequiredWithoutADemandTrace()
    {
        var (exit, _, error) = CliHarness.Run("""{ "optimize": { "size": { "vcpu": 1, "memoryGiB": 2 } } }""", "optimize", "--input", "-");
        Assert.Equal(2, exit);
        Assert.StartsWith("optimize.usage: is required without a demand trace", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABareTraceExportIsReadWithDefaults()
    {
        var bare = WithDemand();
        bare = bare[..bare.LastIndexOf(',', bare.IndexOf("\"optimize\"", StringComparison.Ordinal))] + " }";
        var (exit, output, error) = CliHarness.Run(bare, "optimize", "--input", "-");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rightSize").ValueKind);
        Assert.Equal("daily", json.RootElement.GetProperty("schedule").GetProperty("pattern").GetString());

        var (emptyExit, _, emptyError) = CliHarness.Run("{}", "optimize", "--input", "-");
        Assert.Equal(2, emptyExit);
        Assert.StartsWith("optimize: is required without a demand trace", emptyError, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageMustBeInTimeOrder()
    {
        var input = """{ "optimize": { "usage": [ { "at": "2026-03-02T01:00:00Z", "instances": 1, "cpu": 5 }, { "at": "2026-03-02T00:00:00Z", "instances": 1, "cpu": 5 } ] } }""";
        var (exit, _, error) = CliHarness.Run(input, "optimize", "--input", "-");
        Assert.Equal(2, exit);
        Assert.StartsWith("optimize.usage[1].at: samples must be in strictly increasing time order", error, StringComparison.Ordinal);
    }
}
