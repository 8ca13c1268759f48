using System.Text.Json.Nodes;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Fleet;

/// <summary>
/// The declared form of a target and of a scope: the camelCase JSON the API's target body and the configuration files
/// use (<c>min</c>, <c>max</c>, <c>actuator</c>, <c>flags</c>, <c>behavior</c>, <c>policies</c>, ...), every field
/// spelled out. What export writes, and what apply compares: two specs are the same when these documents are.
/// </summary>
public static class FleetJson
{
    /// <summary>The document of a target (<c>policies</c> only when given).</summary>
    public static JsonObject Target(TargetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var definition = spec.Definition;
        var flags = definition.Flags ?? new ScalingFlags();
        var document = new JsonObject
        {
            ["id"] = definition.Id,
            ["min"] = definition.Min,
            ["max"] = definition.Max,
            ["initialCapacity"] = definition.InitialCapacity,
            ["actuator"] = Actuator(definition.Actuator),
            ["unitCostPerHour"] = definition.UnitCostPerHour,
            ["priority"] = definition.Priority,
            ["flags"] = new JsonObject
            {
                ["enabled"] = flags.Enabled,
                ["dryRun"] = flags.DryRun,
                ["suspendScaleIn"] = flags.SuspendScaleIn,
                ["suspendScaleOut"] = flags.SuspendScaleOut,
                ["suspendScheduled"] = flags.SuspendScheduled,
            },
            ["evaluationIntervalSeconds"] = definition.EvaluationIntervalSeconds,
            ["scope"] = definition.Scope,
        };
        AddJson(document, "behavior", definition.BehaviorJson);
        if (!string.IsNullOrWhiteSpace(definition.Consensus))
        {
            document["consensus"] = definition.Consensus;
        }

        if (definition.AgentPool is { } pool)
        {
            document["agentPool"] = new JsonObject { ["stalenessSeconds"] = pool.StalenessSeconds, ["costPerAgentHourTarget"] = pool.CostPerAgentHourTarget };
        }

        AddJson(document, "safety", definition.SafetyJson);
        if (spec.Policies is { } policies)
        {
            document["policies"] = new JsonArray([.. policies.Select(p => JsonNode.Parse(p.Json))]);
        }

        return document;
    }

    /// <summary>The document of a scope: its limits, and its switches when the spec sets them.</summary>
    public static JsonObject Supervisor(SupervisorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var document = new JsonObject
        {
            ["scope"] = spec.Scope,
            ["maxTotalCapacity"] = spec.Limits.MaxTotalCapacity,
            ["monthlyBudget"] = spec.Limits.MonthlyBudget,
            ["warningPercent"] = spec.Limits.WarningPercent,
            ["criticalPercent"] = spec.Limits.CriticalPercent,
        };
        if (spec.Limits.BudgetActions is { Count: > 0 } actions)
        {
            document["budgetActions"] = new JsonArray([.. actions.Select(a => (JsonNode)new JsonObject
            {
                ["thresholdPercent"] = a.ThresholdPercent,
                ["action"] = a.Action,
                ["step"] = a.Step,
            })]);
        }

        if (spec.Enabled is { } enabled)
        {
            document["enabled"] = enabled;
        }

        if (spec.DryRun is { } dryRun)
        {
            document["dryRun"] = dryRun;
        }

        return document;
    }

    private static JsonObject Actuator(ActuatorBinding actuator)
    {
        var document = new JsonObject { ["kind"] = actuator.Kind };
        if (actuator.Settings is { Count: > 0 } settings)
        {
            document["settings"] = new JsonObject(settings.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => KeyValuePair.Create(s.Key, (JsonNode?)JsonValue.Create(s.Value))));
        }

        return document;
    }

    private static void AddJson(JsonObject document, string name, string? json)
    {
        if (!string.IsNullOrWhiteSpace(json))
        {
            document[name] = JsonNode.Parse(json);
        }
    }
}
