using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads `{"type": "predictive", "metric", "targetValue", "mode": "ForecastAndScale", "schedulingBufferSeconds": 300,
/// "maxCapacityBreachBehavior": "IncreaseMaxCapacity", "maxCapacityBuffer": 10, "stepSeconds": 3600, "seasonLength": 24}`.
/// </summary>
public static class PredictivePolicyParser
{
    /// <summary>The <see cref="PolicyParser"/> of the kind.</summary>
    public static ScalingPolicy Parse(string name, JsonFields fields) =>
        new PredictivePolicy(
            name,
            fields.RequiredString("metric"),
            fields.RequiredNumber("targetValue"),
            fields.OptionalEnum<PredictiveMode>("mode") ?? PredictiveMode.ForecastOnly,
            fields.OptionalInt("schedulingBufferSeconds", 0, 3600) ?? 0,
            fields.OptionalEnum<MaxCapacityBreachBehavior>("maxCapacityBreachBehavior") ?? MaxCapacityBreachBehavior.HonorMaxCapacity,
            fields.OptionalInt("maxCapacityBuffer", 0, 100) ?? 0,
            fields.OptionalInt("stepSeconds", 60, 86_400) ?? 3600,
            fields.OptionalInt("seasonLength", 2, 24 * 14) ?? 24);
}
