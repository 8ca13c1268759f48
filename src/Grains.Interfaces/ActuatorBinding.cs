namespace Autoscaler.Grains.Interfaces;

/// <summary>Where a target's capacity is applied: <c>simulated</c>, <c>ecs</c>, <c>compose</c>, <c>kubernetes</c> or
/// <c>webhook</c>, with the kind's settings (for ECS: <c>cluster</c>, <c>service</c>; for Kubernetes: <c>namespace</c>,
/// <c>kind</c>, <c>name</c>; ...).</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.ActuatorBinding")]
public sealed record ActuatorBinding(string Kind, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The in-process simulated target (demo, tests).</summary>
    public static ActuatorBinding Simulated { get; } = new("simulated", new Dictionary<string, string>());
}
