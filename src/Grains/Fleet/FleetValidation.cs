using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services;
using Autoscaler.Grains.Supervision;

namespace Autoscaler.Grains.Fleet;

/// <summary>Checks a whole <see cref="FleetSpec"/> before anything changes, with the same rules the grains apply one by
/// one; every error is keyed by its place in the spec (<c>targets[3].max</c>, <c>supervisors[0].monthlyBudget</c>).</summary>
internal static class FleetValidation
{
    /// <summary>Field → messages; empty when the spec is valid.</summary>
    public static Dictionary<string, string[]> Errors(FleetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Targets.Count; i++)
        {
            var prefix = $"targets[{i}]";
            if (spec.Targets[i]?.Definition is not { } definition)
            {
                Add(errors, prefix, "a target definition is required");
                continue;
            }

            if (seen.TryGetValue(definition.Id, out var first))
            {
                Add(errors, $"{prefix}.id", $"'{definition.Id}' is also targets[{first}]");
                continue;
            }

            seen[definition.Id] = i;
            Check(errors, prefix, () =>
            {
                TargetDefinitionValidator.Validate(definition.Id, definition);
                PolicySetComposer.Compose(definition, spec.Targets[i].Policies ?? [], manual: null);
                var names = new HashSet<string>(StringComparer.Ordinal);
                var policies = spec.Targets[i].Policies ?? [];
                for (var p = 0; p < policies.Count; p++)
                {
                    if (string.IsNullOrWhiteSpace(policies[p].Name) || policies[p].Name.Contains('/', StringComparison.Ordinal) || !names.Add(policies[p].Name))
                    {
                        throw new ArgumentException($"policies[{p}].name: must be non-empty, unique and must not contain '/'");
                    }
                }
            });
        }

        var scopes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Supervisors.Count; i++)
        {
            var supervisor = spec.Supervisors[i];
            var prefix = $"supervisors[{i}]";
            if (!scopes.Add(supervisor.Scope))
            {
                Add(errors, $"{prefix}.scope", $"'{supervisor.Scope}' is declared twice");
            }

            foreach (var problem in SupervisorMapping.Problems(supervisor.Limits))
            {
                foreach (var (field, message) in FieldErrors.Parse(problem, "limits"))
                {
                    Add(errors, $"{prefix}.{field}", message);
                }
            }
        }

        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string prefix, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException error)
        {
            foreach (var (field, message) in FieldErrors.Parse(FieldErrors.MessageOf(error), "body"))
            {
                Add(errors, field == "body" ? prefix : $"{prefix}.{field}", message);
            }
        }
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
