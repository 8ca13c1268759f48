using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads `{"type": "threshold", "thresholds": [{"metric", "aggregation": "avg", "window": 300, "scaleUp", "scaleDown",
/// "comparison": "greater_than"}], "scaleUpBy": 1, "scaleDownBy": 1, "cooldownSeconds": 300, "evaluationIntervalSeconds": 60}`.
/// </summary>
public static class ThresholdPolicyParser
{
    /// <summary>The <see cref="PolicyParser"/> of the kind.</summary>
    public static ScalingPolicy Parse(string name, JsonFields fields) =>
        new ThresholdPolicy(
            name,
            fields.RequiredArray("thresholds", ReadRule),
            fields.OptionalInt("scaleUpBy", 1, 10_000) ?? 1,
            fields.OptionalInt("scaleDownBy", 1, 10_000) ?? 1,
            fields.OptionalInt("cooldownSeconds", 0, 86_400) ?? 300,
            fields.OptionalInt("evaluationIntervalSeconds", 1, 86_400) ?? 60);

    private static ThresholdRule ReadRule(JsonFields fields)
    {
        var comparisonName = fields.OptionalString("comparison") ?? "greater_than";
        if (!ThresholdComparisonNames.TryParse(comparisonName, out var comparison))
        {
            throw fields.Error("comparison", $"must be one of {string.Join(", ", ThresholdComparisonNames.All)}, not \"{comparisonName}\"");
        }

        return new ThresholdRule(
            fields.RequiredString("metric"),
            PolicyFieldReaders.Aggregation(fields, "aggregation"),
            fields.OptionalInt("window", 1, 86_400) ?? 60,
            fields.RequiredNumber("scaleUp"),
            fields.RequiredNumber("scaleDown"),
            comparison);
    }
}
