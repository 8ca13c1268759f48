namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Which scalable thing an actuator acts on (Kubernetes calls this a scale target reference): the target's id, the kind
/// of system that carries out its decisions, and where it lives there. <see cref="Settings"/> are kind-specific, e.g.
/// <c>cluster</c>/<c>service</c> for ECS, <c>namespace</c>/<c>name</c>/<c>resource</c> for Kubernetes,
/// <c>file</c>/<c>project</c>/<c>service</c> for Compose, <c>url</c> for a webhook; each client documents its keys.
/// </summary>
public sealed record ScaleTargetRef(string TargetId, ActuatorKind Kind, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>A reference with the given settings copied into a case-insensitive dictionary.</summary>
    public static ScaleTargetRef Create(string targetId, ActuatorKind kind, IEnumerable<KeyValuePair<string, string>>? settings = null) =>
        new(targetId, kind, new Dictionary<string, string>(settings ?? [], StringComparer.OrdinalIgnoreCase));

    /// <summary>The setting's value (key compared without case), or null when it is absent or blank.</summary>
    public string? Setting(string key)
    {
        foreach (var (name, value) in Settings)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
