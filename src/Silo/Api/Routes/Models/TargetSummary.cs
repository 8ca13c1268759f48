namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One line per target in <c>/status</c>.</summary>
public sealed record TargetSummary(
    string Id, bool Enabled, int Current, int Min, int Max, string Status, DateTimeOffset? LastEvaluation, DateTimeOffset? LastScaling);
