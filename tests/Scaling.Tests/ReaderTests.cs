using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Tests;

/// <summary>The contract's reading rules: strict fields, field paths in errors, RFC 3339 UTC, per-field defaults.</summary>
public sealed class ReaderTests
{
    private const string Minimal = """
        {
          "now": "2026-01-01T12:00:00Z",
          "target": { "current": 2, "min": 1, "max": 5 },
          "metrics": { "rps": { "value": 300 } },
          "policies": [ { "name": "rps", "type": "targetTracking", "metric": "rps", "target": { "type": "AverageValue", "value": 100 } } ]
          EXTRA
        }
        """;

    private static string With(string extra) => Minimal.Replace("EXTRA", extra, StringComparison.Ordinal);

    private static string ErrorOf(string json) =>
        Assert.Throws<ScalingInputException>(() => ScalingDocuments.ReadEvaluation(json)).Errors[0].ToString();

    [Fact]
    public void Minimal_document_reads()
    {
        var request = ScalingDocuments.ReadEvaluation(With(string.Empty));

        Assert.Equal(new ScaleTarget(2, 1, 5), request.Target);
        Assert.Same(ScalingBehavior.Default, request.PolicySet.Behavior);
        Assert.Null(request.History);
        Assert.Equal(3, ScalingEngine.Evaluate(request).Desired);
    }

    public static TheoryData<string, string> Errors => new()
    {
        { With(""", "surprise": 1"""), "surprise: unknown field" },
        { Minimal.Replace("\"min\": 1", "\"min\": 1, \"min\": 2", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal), "target.min: duplicate field" },
        { Minimal.Replace("12:00:00Z", "12:00:00+02:00", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal),
          "now: must be an RFC 3339 UTC time such as 2026-01-01T12:00:00Z, not \"2026-01-01T12:00:00+02:00\"" },
        { Minimal.Replace("\"max\": 5", "\"max\": 0", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal), "target.max: must be at least min (1), not 0" },
        { Minimal.Replace("\"AverageValue\"", "\"Average\"", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal),
          "policies[0].target.type: must be one of Utilization, AverageValue, Value, not \"Average\"" },
        { Minimal.Replace("\"targetTracking\"", "\"magic\"", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal),
          "policies[0].type: unknown policy type \"magic\"" },
        { With(""", "behavior": { "scaleUp": { "policies": [ { "type": "Pods", "value": 4, "periodSeconds": 0 } ] } }"""),
          "behavior.scaleUp.policies[0].periodSeconds: must be between 1 and 1800, not 0" },
        { With(""", "behavior": { "scaleDown": { "policies": [] } }"""), "behavior.scaleDown.policies: must list at least one policy unless selectPolicy is Disabled" },
        { With(""", "history": { "scaleEvents": [ { "at": "2026-01-01T11:00:00Z", "change": 0 } ] }"""),
          "history.scaleEvents[0].change: must not be 0 (positive for scale-out, negative for scale-in)" },
        { Minimal.Replace("{ \"value\": 300 }", "{ \"value\": 300, \"instances\": [] }", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal),
          "metrics.rps.instances: give either instances or value, not both" },
        { Minimal.Replace("{ \"value\": 300 }", "{ }", StringComparison.Ordinal).Replace("EXTRA", "", StringComparison.Ordinal), "metrics.rps: needs instances, value or samples" },
        { With(""", "consensus": { "rule": "quorum" }"""), "consensus.quorum: is required when rule is quorum" },
        { With(""", "scaleToZero": { "activation": { "rps": 0 } }"""), "target.min: must be 0 when scaleToZero is configured" },
        { "{ \"now\": ", "$: invalid JSON at line 1, position 10" },
        { "[]", "must be an object, not an array" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Errors_name_the_field(string json, string expected)
    {
        Assert.StartsWith(expected, ErrorOf(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Behavior_fields_default_one_by_one()
    {
        var request = ScalingDocuments.ReadEvaluation(With(""", "behavior": { "scaleDown": { "stabilizationWindowSeconds": 60 } }"""));

        var behavior = request.PolicySet.Behavior;
        Assert.Same(ScalingRules.DefaultScaleUp, behavior.ScaleUp);
        Assert.Equal(60, behavior.ScaleDown.StabilizationWindowSeconds);
        Assert.Equal(ScalingRules.DefaultScaleDown.Policies, behavior.ScaleDown.Policies);
        Assert.Equal(SelectPolicy.Max, behavior.ScaleDown.SelectPolicy);
    }

    [Fact]
    public void History_with_empty_lists_is_not_first_sight()
    {
        var request = ScalingDocuments.ReadEvaluation(With(""", "history": { "recommendations": [], "scaleEvents": [] }"""));

        Assert.NotNull(request.History);
        Assert.Empty(request.History!.Recommendations);
    }

    [Fact]
    public void Extensions_read()
    {
        var request = ScalingDocuments.ReadEvaluation(With("""
            , "consensus": { "rule": "majority" }
            , "suspend": { "dynamicScaleIn": true }
            , "fallback": { "failureThreshold": 3, "replicas": 4 }
            , "override": { "capacity": 4, "reason": "load test", "expiresAt": "2026-01-01T13:00:00.5Z" }
            """));

        var set = request.PolicySet;
        Assert.Equal(ConsensusRule.Majority, set.Consensus.Rule);
        Assert.True(set.Suspend.DynamicScaleIn);
        Assert.Equal(new Safety.FallbackRule(3, 4), set.Fallback);
        Assert.Equal(Build.Now.AddHours(1).AddMilliseconds(500), set.Override!.ExpiresAt);
    }

    [Fact]
    public void Samples_extension_feeds_the_metric_query()
    {
        var json = Minimal.Replace(
            "{ \"value\": 300 }",
            """{ "value": 300, "samples": [ { "at": "2026-01-01T11:59:00Z", "value": 100 }, { "at": "2026-01-01T11:59:30Z", "value": 200 } ] }""",
            StringComparison.Ordinal).Replace("EXTRA", string.Empty, StringComparison.Ordinal);

        var request = ScalingDocuments.ReadEvaluation(json);
        var query = Metrics.SampleMetricQuery.FromReadings(request.Metrics, request.Now);

        Assert.Equal(150, query.Aggregate("rps", Metrics.Aggregation.Avg, TimeSpan.FromMinutes(5), request.Now).Value);
        Assert.Equal(2, query.Series("rps", TimeSpan.FromSeconds(30), request.Now)!.Values.Count);
    }

    [Fact]
    public void Validation_reports_every_semantic_error_at_once()
    {
        var json = Minimal.Replace("\"value\": 100 }", "\"value\": -1 }, \"tolerance\": 2", StringComparison.Ordinal)
            .Replace("EXTRA", string.Empty, StringComparison.Ordinal);

        var exception = Assert.Throws<ScalingInputException>(() => ScalingDocuments.ReadEvaluation(json));

        Assert.Equal(["policies[0].target.value: must be positive", "policies[0].tolerance: must be at least 0 and below 1"],
            exception.Errors.Select(error => error.ToString()));
    }
}
