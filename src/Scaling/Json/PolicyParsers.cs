using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>Parsers of the engine's own kinds, registered in <see cref="BuiltInPolicyKinds"/>.</summary>
public static class PolicyParsers
{
    /// <summary>Reads a <c>targetTracking</c> policy.</summary>
    public static ScalingPolicy TargetTracking(string name, JsonFields fields) =>
        new TargetTrackingPolicy(
            name,
            fields.RequiredString("metric"),
            fields.RequiredObject("target", target => new MetricTarget(target.RequiredEnum<TargetType>("type"), target.RequiredNumber("value"))))
        {
            Tolerance = fields.OptionalNumber("tolerance") ?? Tolerance.Default,
            DisableScaleIn = fields.OptionalBool("disableScaleIn") ?? false,
            ScaleOutCooldownSeconds = fields.OptionalInt("scaleOutCooldownSeconds", 0) ?? 0,
            ScaleInCooldownSeconds = fields.OptionalInt("scaleInCooldownSeconds", 0) ?? 0,
        };

    /// <summary>Reads a <c>stepScaling</c> policy.</summary>
    public static ScalingPolicy StepScaling(string name, JsonFields fields) =>
        new StepScalingPolicy(
            name,
            fields.RequiredString("metric"),
            fields.RequiredNumber("threshold"),
            fields.RequiredEnum<AdjustmentType>("adjustmentType"),
            fields.RequiredArray("steps", ReadStep))
        {
            MinAdjustmentMagnitude = fields.OptionalInt("minAdjustmentMagnitude", 1),
            CooldownSeconds = fields.OptionalInt("cooldownSeconds", 0) ?? 300,
            MetricAggregationType = fields.OptionalEnum<MetricAggregationType>("metricAggregationType") ?? MetricAggregationType.Average,
            PeriodSeconds = fields.OptionalInt("periodSeconds", 1) ?? 60,
        };

    private static StepAdjustment ReadStep(JsonFields fields) =>
        new(fields.OptionalNumber("lower"), fields.OptionalNumber("upper"), fields.RequiredInt("adjustment", -1_000_000, 1_000_000));
}
