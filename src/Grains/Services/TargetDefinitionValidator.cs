using System.Text.Json;
using System.Text.RegularExpressions;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Grains.Services;

/// <summary>Checks a <see cref="TargetDefinition"/> field by field; every message names its field.</summary>
internal static partial class TargetDefinitionValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> with every problem found, or returns the actuator kind.</summary>
    public static ActuatorKind Validate(string key, TargetDefinition definition)
    {
        var errors = new List<string>();
        if (!TargetIdPattern().IsMatch(definition.Id))
        {
            errors.Add("id: must be 1-128 letters, digits, '-' or '_'");
        }
        else if (definition.Id != key)
        {
            errors.Add($"id: '{definition.Id}' does not match the target '{key}'");
        }

        if (definition.Min < 0)
        {
            errors.Add("min: must be zero or more");
        }

        if (definition.Max < definition.Min)
        {
            errors.Add("max: must be at least min");
        }

        if (definition.Max > 100_000)
        {
            errors.Add("max: must be at most 100000");
        }

        if (definition.InitialCapacity < 0)
        {
            errors.Add("initialCapacity: must be zero or more");
        }

        if (definition.UnitCostPerHour < 0)
        {
            errors.Add("unitCostPerHour: must be zero or more");
        }

        if (definition.EvaluationIntervalSeconds is < 1 or > 3600)
        {
            errors.Add("evaluationIntervalSeconds: must be between 1 and 3600");
        }

        if (definition.AgentPool is { StalenessSeconds: < 1 or > 86_400 })
        {
            errors.Add("agentPool.stalenessSeconds: must be between 1 and 86400");
        }

        if (definition.FreshnessSeconds is < 1 or > 86_400)
        {
            errors.Add("freshnessSeconds: must be between 1 and 86400");
        }

        if (definition.DriftSeconds is < 1 or > 86_400)
        {
            errors.Add("driftSeconds: must be between 1 and 86400");
        }

        if (Decisions.DriftActions.Parse(definition.DriftAction) is null)
        {
            errors.Add("driftAction: must be adopt, reassert or none");
        }

        if (!TargetIdPattern().IsMatch(definition.Scope))
        {
            errors.Add("scope: must be 1-128 letters, digits, '-' or '_'");
        }

        CheckJsonObject(definition.BehaviorJson, "behavior", errors);
        CheckJsonObject(definition.SafetyJson, "safety", errors);
        var kind = ActuatorKind.Simulated;
        if (definition.Actuator is null || !Enum.TryParse(definition.Actuator.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            errors.Add("actuator.kind: must be one of simulated, ecs, compose, kubernetes, webhook, aurora");
        }

        return errors.Count == 0 ? kind : throw new ArgumentException(string.Join("; ", errors));
    }

    private static void CheckJsonObject(string? json, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{field}: must be a JSON object");
            }
        }
        catch (JsonException error)
        {
            errors.Add($"{field}: invalid JSON ({error.Message})");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex TargetIdPattern();
}
