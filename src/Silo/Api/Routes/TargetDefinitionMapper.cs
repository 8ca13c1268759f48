using System.Text.Json;
using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;
using Autoscaler.Silo.Api.Routes.Models;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Maps a <see cref="TargetRequest"/> to a <see cref="TargetDefinition"/>, collecting missing and malformed fields
/// (the grain then checks the values and names its own fields).</summary>
internal static class TargetDefinitionMapper
{
    /// <summary>The definition, or the errors by field.</summary>
    public static (TargetDefinition? Definition, Dictionary<string, string[]> Errors) Map(string id, TargetRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["a target object is required"];
            return (null, errors);
        }

        if (request.Id is not null && request.Id != id)
        {
            errors["id"] = [$"'{request.Id}' does not match the target '{id}' in the path"];
        }

        Require(request.Min, "min", errors);
        Require(request.Max, "max", errors);
        if (request.Actuator is null)
        {
            errors["actuator"] = ["is required (kind: simulated, ecs, compose, kubernetes, webhook or aurora)"];
        }
        else if (string.IsNullOrWhiteSpace(request.Actuator.Kind))
        {
            errors["actuator.kind"] = ["is required"];
        }
        else if (string.Equals(request.Actuator.Kind, "aurora", StringComparison.OrdinalIgnoreCase)
                 && !AuroraBinding.TryParse(ScaleTargetRef.Create(id, ActuatorKind.Aurora, request.Actuator.Settings ?? []), out _, out var problem))
        {
            // An Aurora binding is checked here, so a wrong cluster, dimension or ACU bound is a 400 naming the setting.
            errors["actuator.settings"] = [problem];
        }

        var behavior = ObjectText(request.Behavior, "behavior", errors);
        var safety = ObjectText(request.Safety, "safety", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var flags = request.Flags is { } f
            ? new ScalingFlags(f.Enabled ?? true, f.DryRun ?? false, f.SuspendScaleIn ?? false, f.SuspendScaleOut ?? false, f.SuspendScheduled ?? false)
            : new ScalingFlags();
        var pool = request.AgentPool is { } p ? new AgentPoolSettings(p.StalenessSeconds ?? 60, p.CostPerAgentHourTarget ?? 0.10m) : null;
        var definition = new TargetDefinition(
            id,
            request.Min!.Value,
            request.Max!.Value,
            request.InitialCapacity ?? request.Min!.Value,
            new ActuatorBinding(request.Actuator!.Kind!, request.Actuator.Settings ?? []),
            request.UnitCostPerHour ?? 0m,
            request.Priority ?? 0,
            flags,
            request.EvaluationIntervalSeconds ?? 15,
            behavior,
            request.Consensus,
            request.Scope ?? "default",
            pool,
            safety,
            request.FreshnessSeconds,
            request.DriftAction,
            request.DriftSeconds);
        return (definition, errors);
    }

    private static void Require(int? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            errors[field] = ["is required"];
        }
    }

    private static string? ObjectText(JsonElement? element, string field, Dictionary<string, string[]> errors)
    {
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors[field] = ["must be a JSON object"];
            return null;
        }

        return value.GetRawText();
    }
}
