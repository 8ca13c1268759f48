using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Tests;

/// <summary>AWS StepAdjustment rules (API reference) and the contract's error paths.</summary>
public sealed class StepValidationTests
{
    private static string Document(string steps) => $$"""
        {
          "now": "2026-01-01T12:00:00Z",
          "target": { "current": 3, "min": 1, "max": 10 },
          "policies": [
            { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": 50 } },
            { "name": "queue", "type": "stepScaling", "metric": "queue", "threshold": 100,
              "adjustmentType": "ChangeInCapacity", "steps": {{steps}} }
          ]
        }
        """;

    public static TheoryData<string, string> Invalid => new()
    {
        { """[ { "lower": 0, "upper": 10, "adjustment": 1 }, { "lower": 10, "upper": 30, "adjustment": 2 }, { "lower": 20, "upper": null, "adjustment": 3 } ]""",
          "policies[1].steps[2].lower: ranges overlap" },
        { """[ { "lower": 0, "upper": 10, "adjustment": 1 }, { "lower": 20, "upper": null, "adjustment": 3 } ]""",
          "policies[1].steps[1].lower: ranges leave a gap" },
        { """[ { "lower": null, "upper": null, "adjustment": 1 } ]""",
          "policies[1].steps[0]: lower and upper cannot both be null" },
        { """[ { "lower": 10, "upper": 5, "adjustment": 1 }, { "lower": 5, "upper": null, "adjustment": 1 } ]""",
          "policies[1].steps[0].upper: must be above lower (10)" },
        { """[ { "lower": 0, "upper": 10, "adjustment": 1 } ]""",
          "policies[1].steps[0].upper: a positive upper bound needs a step with a null upper bound" },
        { """[ { "lower": -10, "upper": 0, "adjustment": -1 } ]""",
          "policies[1].steps[0].lower: a negative lower bound needs a step with a null lower bound" },
        { """[ { "lower": null, "upper": 0, "adjustment": -1 }, { "lower": null, "upper": -5, "adjustment": -2 } ]""",
          "policies[1].steps[1].lower: only one step may have a null lower bound (steps[0] has one)" },
        { "[]", "policies[1].steps: must list at least one step" },
        { """[ { "lower": 0, "adjustment": 1.5 } ]""", "policies[1].steps[0].adjustment: must be a whole number, not 1.5" },
        { """[ { "lower": 0, "adjustment": 1, "extra": true } ]""", "policies[1].steps[0].extra: unknown field" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_steps_name_the_field(string steps, string expected)
    {
        var exception = Assert.Throws<ScalingInputException>(() => ScalingDocuments.ReadEvaluation(Document(steps)));

        Assert.Contains(expected, exception.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Steps_in_any_order_are_valid_when_they_tile()
    {
        var request = ScalingDocuments.ReadEvaluation(Document(
            """[ { "lower": 10, "upper": null, "adjustment": 2 }, { "lower": null, "upper": 0, "adjustment": -1 }, { "lower": 0, "upper": 10, "adjustment": 1 } ]"""));

        Assert.Equal(2, request.PolicySet.Policies.Count);
    }
}
