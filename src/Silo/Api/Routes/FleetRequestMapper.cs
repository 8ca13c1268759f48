using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Routes.Models;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Maps a <see cref="FleetRequest"/> to a <see cref="FleetSpec"/> with the single-target rules
/// (<see cref="TargetDefinitionMapper"/>), naming each field by its place: <c>targets[3].actuator</c>,
/// <c>targets[0].policies[1].name</c>, <c>supervisors[0].scope</c>.</summary>
internal static class FleetRequestMapper
{
    /// <summary>The spec, or the errors by field.</summary>
    public static (FleetSpec? Spec, Dictionary<string, string[]> Errors) Map(FleetRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["a fleet object { \"targets\": [...], \"supervisors\": [...] } is required"];
            return (null, errors);
        }

        var targets = new List<TargetSpec>();
        var requests = request.Targets ?? [];
        for (var i = 0; i < requests.Count; i++)
        {
            if (Target(requests[i], $"targets[{i}]", errors) is { } target)
            {
                targets.Add(target);
            }
        }

        var supervisors = new List<SupervisorSpec>();
        var scopes = request.Supervisors ?? [];
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i]?.Scope ?? "default";
            if (scopes[i] is not { } supervisor)
            {
                errors[$"supervisors[{i}]"] = ["must be a supervisor object"];
            }
            else if (!TargetIds.IsValid(scope))
            {
                errors[$"supervisors[{i}].scope"] = [TargetIds.Rule];
            }
            else
            {
                supervisors.Add(new SupervisorSpec(scope,
                    new SupervisorLimits(supervisor.MaxTotalCapacity, supervisor.MonthlyBudget, supervisor.WarningPercent ?? 75, supervisor.CriticalPercent ?? 90,
                        supervisor.BudgetActions),
                    supervisor.Enabled, supervisor.DryRun));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new FleetSpec(targets, supervisors, request.Prune ?? false, request.DryRun ?? false), errors);
    }

    /// <summary>One target with its policies, or null with its errors added under <paramref name="prefix"/>.</summary>
    public static TargetSpec? Target(TargetRequest? request, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request?.Id is not { } id || !TargetIds.IsValid(id))
        {
            errors[$"{prefix}.id"] = [request?.Id is null ? "is required" : TargetIds.Rule];
            return null;
        }

        var (definition, problems) = TargetDefinitionMapper.Map(id, request);
        foreach (var (field, messages) in problems)
        {
            errors[field == "body" ? prefix : Key(prefix, field)] = messages;
        }

        var policies = Policies(request.Policies, prefix, errors);
        return definition is null || (request.Policies is not null && policies is null) ? null : new TargetSpec(definition, policies);
    }

    /// <summary>The policies of a target body (null when it has none), or null with errors added under
    /// <paramref name="prefix"/> (empty: the body is the target itself).</summary>
    public static List<PolicyDefinition>? Policies(List<JsonElement>? bodies, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (bodies is null)
        {
            return null;
        }

        var policies = new List<PolicyDefinition>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            if (body.ValueKind != JsonValueKind.Object)
            {
                errors[Key(prefix, $"policies[{i}]")] = ["must be a policy object { \"name\", \"type\", ... }"];
            }
            else if (!body.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
            {
                errors[Key(prefix, $"policies[{i}].name")] = ["is required"];
            }
            else
            {
                policies.Add(new PolicyDefinition(name.GetString()!, body.GetRawText()));
            }
        }

        return policies.Count == bodies.Count ? policies : null;
    }

    private static string Key(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
}
