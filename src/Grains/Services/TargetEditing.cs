using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Services;

/// <summary>Operator edits of a target's policies and manual override: validated first, so a rejected edit leaves the
/// target as it was; every accepted edit recomposes the engine's policy set.</summary>
internal static class TargetEditing
{
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
