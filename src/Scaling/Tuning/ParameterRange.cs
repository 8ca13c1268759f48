using System.Text.Json.Nodes;

namespace Autoscaler.Scaling.Tuning;

/// <summary>One searched field: a path inside a policy (or the behavior) and the values tried there.</summary>
/// <param name="Path">Where the value goes: dotted names with <c>[i]</c> indices (<c>target.value</c>, <c>steps[1].adjustment</c>).</param>
/// <param name="Values">The values tried, in order.</param>
public sealed record ParameterRange(string Path, IReadOnlyList<JsonNode?> Values);
