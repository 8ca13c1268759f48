namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One target as <c>GET /targets</c> lists it (DashboardContract.md), with the registration details appended.</summary>
public sealed record TargetView(
    string Id,
    string Name,
    string Kind,
    bool Enabled,
    bool DryRun,
    int Current,
    int Desired,
    int Min,
    int Max,
    string Status,
    DateTimeOffset? CooldownUntil,
    IReadOnlyDictionary<string, double> Metrics,
    EventView? LastDecision,
    IReadOnlyList<string> Policies,
    int? Observed,
    DateTimeOffset? LastEvaluation,
    DateTimeOffset? LastScaling,
    OverrideView? Override,
    string Scope,
    int Priority,
    decimal UnitCostPerHour,
    int EvaluationIntervalSeconds);
