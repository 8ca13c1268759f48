using Autoscaler.Scaling.Behavior;

namespace Autoscaler.Scaling.Json;

/// <summary>Reads <c>behavior</c>: each direction and each field defaults on its own, as in Kubernetes.</summary>
public static class BehaviorReader
{
    /// <summary>Reads a behavior object.</summary>
    public static ScalingBehavior Read(JsonFields fields) =>
        new(
            fields.OptionalObject("scaleUp", rules => ReadRules(rules, ScalingRules.DefaultScaleUp)) ?? ScalingRules.DefaultScaleUp,
            fields.OptionalObject("scaleDown", rules => ReadRules(rules, ScalingRules.DefaultScaleDown)) ?? ScalingRules.DefaultScaleDown);

    private static ScalingRules ReadRules(JsonFields fields, ScalingRules defaults)
    {
        var window = fields.OptionalInt("stabilizationWindowSeconds", 0, 3600) ?? defaults.StabilizationWindowSeconds;
        var select = fields.OptionalEnum<SelectPolicy>("selectPolicy") ?? defaults.SelectPolicy;
        var policies = fields.OptionalArray("policies", ReadRatePolicy) ?? defaults.Policies;
        if (policies.Count == 0 && select != SelectPolicy.Disabled)
        {
            throw fields.Error("policies", "must list at least one policy unless selectPolicy is Disabled");
        }

        return new ScalingRules(window, select, policies);
    }

    private static RatePolicy ReadRatePolicy(JsonFields fields) =>
        new(
            fields.RequiredEnum<RatePolicyType>("type"),
            fields.RequiredInt("value", 1),
            fields.RequiredInt("periodSeconds", 1, 1800));
}
