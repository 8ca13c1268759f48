namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One target as <c>GET /targets</c> lists it (DashboardContract.md), with the registration details appended:
/// while failing, <c>consecutiveFailures</c> and <c>nextAttemptAt</c> (the actuator's backoff); while the actuator
/// reports another capacity, <c>driftSince</c>; the freshness and drift settings in effect; how it is priced
/// (<c>pricedBy</c> <c>size</c> or <c>unit</c>) and the price of one instance-hour in effect.</summary>
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
    int EvaluationIntervalSeconds,
    int ConsecutiveFailures = 0,
    DateTimeOffset? NextAttemptAt = null,
    DateTimeOffset? DriftSince = null,
    int FreshnessSeconds = 45,
    string DriftAction = "adopt",
    int DriftSeconds = 120,
    string PricedBy = "unit",
    decimal? InstancePricePerHour = null);
