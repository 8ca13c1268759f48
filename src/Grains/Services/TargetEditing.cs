using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Services;

/// <summary>Operator edits of a target's policies and manual override: validated first, so a rejected edit leaves the
/// target as it was; every accepted edit recomposes the engine's policy set.</summary>
internal static class TargetEditing
{
    /// <summary>
    /// Registers or updates the target from <paramref name="spec"/> and, when it lists policies, makes them the whole
    /// policy set; all validated first (the definition, then the policies composed with it), so a rejected spec leaves the
    /// target as it was. Returns the policies that are new or changed and the names of those removed.
    /// </summary>
    public static (IReadOnlyList<PolicyDefinition> Changed, IReadOnlyList<string> Removed) Apply(LiveTarget target, TargetSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Definition);
        TargetDefinitionValidator.Validate(target.Id, spec.Definition);
        if (spec.Policies is not { } policies)
        {
            target.Register(spec.Definition, now);
            return ([], []);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(policies[i].Name) || policies[i].Name.Contains('/', StringComparison.Ordinal) || !names.Add(policies[i].Name))
            {
                throw new ArgumentException($"policies[{i}].name: must be non-empty, unique and must not contain '/'");
            }
        }

        var previous = target.Policies.ToList();
        target.Policies.Clear();
        target.Policies.AddRange(policies);
        try
        {
            target.Register(spec.Definition, now);
        }
        catch (ArgumentException)
        {
            target.Policies.Clear();
            target.Policies.AddRange(previous);
            throw;
        }

        var changed = policies.Where(p => previous.Find(o => o.Name == p.Name) is not { } old || old.Json != p.Json).ToList();
        var removed = previous.Where(o => !names.Contains(o.Name)).Select(o => o.Name).ToList();
        return (changed, removed);
    }

    /// <summary>Adds or replaces a policy; throws <see cref="ArgumentException"/> naming the field when invalid.</summary>
    public static void SetPolicy(LiveTarget target, PolicyDefinition policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var definition = target.Registered;
        if (string.IsNullOrWhiteSpace(policy.Name) || policy.Name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("policy.name: must be non-empty and must not contain '/'");
        }

        PolicySetComposer.ValidatePolicy(definition, target.Policies, policy);
        var index = target.Policies.FindIndex(p => p.Name == policy.Name);
        if (index >= 0)
        {
            target.Policies[index] = policy;
        }
        else
        {
            target.Policies.Add(policy);
        }

        target.Recompose();
    }

    /// <summary>Removes a policy by name; false when there was none.</summary>
    public static bool RemovePolicy(LiveTarget target, string name)
    {
        _ = target.Registered;
        if (target.Policies.RemoveAll(p => p.Name == name) == 0)
        {
            return false;
        }

        target.Recompose();
        return true;
    }

    /// <summary>Pins capacity; throws <see cref="ArgumentException"/> naming the field when the request is invalid.</summary>
    public static void Pin(LiveTarget target, ManualScale request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = target.Registered;
        if (request.Capacity < definition.Min || request.Capacity > definition.Max)
        {
            throw new ArgumentException($"capacity: must be between min {definition.Min} and max {definition.Max}");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ArgumentException("reason: is required");
        }

        if (request.Expires is { } expires && expires <= now)
        {
            throw new ArgumentException("expires: must be in the future");
        }

        target.Override = request;
        target.Recompose();
    }

    /// <summary>Clears the override; policies take over at the next evaluation.</summary>
    public static void Unpin(LiveTarget target)
    {
        _ = target.Registered;
        target.Override = null;
        target.Recompose();
    }
}
