using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads `{"type": "weightedScore", "metrics": [{"metric", "weight", "normalizeMax", "aggregation": "avg", "window": 60}],
/// "scaleUpThreshold": 0.7, "scaleDownThreshold": 0.3, "scaleUpBy": 1, "scaleDownBy": 1, "cooldownSeconds": 120, "minConfidence": 0}`.
/// </summary>
public static class WeightedScorePolicyParser
{
    /// <summary>The <see cref="PolicyParser"/> of the kind.</summary>
    public static ScalingPolicy Parse(string name, JsonFields fields) =>
        new WeightedScorePolicy(
            name,
            fields.RequiredArray("metrics", ReadInput),
            fields.RequiredNumber("scaleUpThreshold"),
            fields.RequiredNumber("scaleDownThreshold"),
            fields.OptionalInt("scaleUpBy", 1, 10_000) ?? 1,
            fields.OptionalInt("scaleDownBy", 1, 10_000) ?? 1,
            fields.OptionalInt("cooldownSeconds", 0, 86_400) ?? 120,
            fields.OptionalNumber("minConfidence") ?? 0);

    private static WeightedMetric ReadInput(JsonFields fields) =>
        new(
            fields.RequiredString("metric"),
            fields.RequiredNumber("weight"),
            fields.RequiredNumber("normalizeMax"),
            PolicyFieldReaders.Aggregation(fields, "aggregation"),
            fields.OptionalInt("window", 1, 86_400) ?? 60);
}
