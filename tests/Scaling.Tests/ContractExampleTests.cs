using System.Text.Json;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Scaling.Tests;

/// <summary>Pins the worked example of docs/contracts/evaluate.md.</summary>
public sealed class ContractExampleTests
{
    [Fact]
    public void Example_input_gives_the_contract_numbers()
    {
        var decision = ScalingEngine.Evaluate(ScalingDocuments.ReadEvaluation(CaseFiles.Read("contract-example.json")));

        Assert.Equal(3, decision.Current);
        Assert.Equal(4, decision.Desired);
        Assert.Equal(4, decision.Stabilized);
        Assert.Null(decision.LimitedBy);
        var cpu = decision.Proposals[0];
        Assert.Equal(("cpu", 4, 60.0, 2.0), (cpu.Policy, cpu.Desired!.Value, cpu.MetricValue!.Value, cpu.Ratio!.Value));
        var backlog = decision.Proposals[1];
        Assert.Equal(("backlog", 3, 1), (backlog.Policy, backlog.Desired!.Value, backlog.StepIndex!.Value));
    }

    [Fact]
    public void Example_explanation_reads_like_the_contract()
    {
        var decision = ScalingEngine.Evaluate(ScalingDocuments.ReadEvaluation(CaseFiles.Read("contract-example.json")));

        Assert.Equal(
            [
                "cpu: utilization 60% of request vs target 30% (ratio 2.00); task-3 has no sample, counted as 0 for scale-up -> 40%, ratio 1.33 -> 4",
                "backlog: queue 8600 is 3600 above threshold 5000 -> step 2 (+50% of 3 = 1.5 -> 1); 2 added by this policy 120 s ago within its 300 s cooldown count toward it -> 3",
                "combined: scale out to the largest proposal, 4; stabilization window holds [4]; scale-up limit 7 not reached",
            ],
            decision.Explanation);
    }

    [Fact]
    public void Example_output_json_has_the_contract_fields()
    {
        var decision = ScalingEngine.Evaluate(ScalingDocuments.ReadEvaluation(CaseFiles.Read("contract-example.json")));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DecisionWriter.Write(writer, decision);
        }

        using var output = JsonDocument.Parse(stream.ToArray());
        var root = output.RootElement;
        Assert.Equal(3, root.GetProperty("current").GetInt32());
        Assert.Equal(4, root.GetProperty("desired").GetInt32());
        Assert.Equal(4, root.GetProperty("stabilized").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("limitedBy").ValueKind);
        var cpu = root.GetProperty("proposals")[0];
        Assert.Equal(60, cpu.GetProperty("metricValue").GetDouble());
        Assert.Equal(2.0, cpu.GetProperty("ratio").GetDouble());
        Assert.Equal(1, root.GetProperty("proposals")[1].GetProperty("stepIndex").GetInt32());
        Assert.Equal(3, root.GetProperty("explanation").GetArrayLength());
    }
}
