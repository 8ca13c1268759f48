using System.Text.Json.Nodes;

namespace Autoscaler.Scaling.Tuning;

/// <summary>A policy (or the behavior) as searched: its fixed fields and the ranges of the fields that vary.</summary>
/// <param name="Fixed">The document without <c>ranges</c>.</param>
/// <param name="Ranges">The varied fields.</param>
public sealed record SearchTemplate(JsonObject Fixed, IReadOnlyList<ParameterRange> Ranges);
