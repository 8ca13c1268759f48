namespace Autoscaler.Grains.Interfaces;

/// <summary>One changed field of a declared object, as compact JSON values.</summary>
/// <param name="Path">The field, dotted (<c>actuator.settings.cluster</c>; a policy by name: <c>policies.cpu</c>).</param>
/// <param name="From">The value now (null: absent).</param>
/// <param name="To">The declared value (null: absent).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.FieldChange")]
public sealed record FieldChange(string Path, string? From, string? To);
