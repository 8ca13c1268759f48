using System.Text.Json;
using Autoscaler.Cli;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Tests;

/// <summary>The parts' policy kinds through the offline evaluator and the CLI, from one JSON case.</summary>
public sealed class PartsKindsEvaluateTests
{
    [Fact]
    public void Threshold_score_schedule_and_forecast_combine_in_one_evaluation()
    {
        var decision = ScalingEngine.Evaluate(ScalingDocuments.ReadEvaluation(CaseFiles.Read("parts-kinds.json")));

        Assert.Equal(
            [("backlog", (int?)6), ("score", 4), ("hours", 8), ("forecast", null)],
            decision.Proposals.Select(p => (p.Policy, p.Desired)));
        Assert.StartsWith("forecast: queue total forecast", decision.Proposals[3].Explanation, StringComparison.Ordinal);

        // The scheduled min 6 moves capacity 4 to the new bound first (AWS: out of range moves to the bound)...
        Assert.Equal(6, decision.Desired);
        Assert.Equal(LimitReason.TooFewReplicas, decision.LimitedBy);

        // ...and the next evaluation, 30 s later, still pursues the action's desired capacity.
        var request = ScalingDocuments.ReadEvaluation(CaseFiles.Read("parts-kinds.json"));
        var next = ScalingEngine.Evaluate(request with
        {
            Now = request.Now.AddSeconds(30),
            Target = request.Target with { Current = 6 },
            History = decision.NextHistory,
        });
        Assert.Equal(8, next.Desired);
    }

    [Fact]
    public void Cli_evaluate_prints_the_decision()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, () => Stream.Null, PolicyParserRegistry.Default);

        var code = AutoscalerCli.Run(["evaluate", "--input", CaseFiles.Path("parts-kinds.json")], context);

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal(6, document.RootElement.GetProperty("desired").GetInt32());
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Cli_templates_show_expands_a_preset_and_rejects_unknown_names()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, () => Stream.Null, PolicyParserRegistry.Default);

        var ok = AutoscalerCli.Run(["templates", "show", "api-performance", "--metric", "latency=http_p95_ms"], context);
        var bad = AutoscalerCli.Run(["templates", "show", "turbo"], context);

        Assert.Equal(0, ok);
        Assert.Contains("\"metric\": \"http_p95_ms\"", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, bad);
        Assert.StartsWith("name: unknown template \"turbo\"", error.ToString(), StringComparison.Ordinal);
    }
}
