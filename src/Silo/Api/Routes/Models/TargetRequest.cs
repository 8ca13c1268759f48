using System.Text.Json;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>PUT /targets/{id}</c> and <c>POST /targets</c>, and a target of <c>POST /fleet</c>: a target
/// definition in camelCase. <c>behavior</c> and <c>safety</c> are the engine's JSON objects; <c>policies</c>, when given,
/// is the whole policy set (the engine's policy objects); unknown fields are refused. <c>freshnessSeconds</c> (default
/// three evaluation intervals), <c>driftAction</c> (<c>adopt</c>, <c>reassert</c>, <c>none</c>; default <c>adopt</c>)
/// and <c>driftSeconds</c> (default 120) say how the target treats stale telemetry and capacity changed behind its back.</summary>
public sealed record TargetRequest(
    string? Id,
    int? Min,
    int? Max,
    int? InitialCapacity,
    ActuatorRequest? Actuator,
    decimal? UnitCostPerHour,
    int? Priority,
    FlagsRequest? Flags,
    int? EvaluationIntervalSeconds,
    JsonElement? Behavior,
    string? Consensus,
    string? Scope,
    AgentPoolRequest? AgentPool,
    JsonElement? Safety,
    int? FreshnessSeconds = null,
    string? DriftAction = null,
    int? DriftSeconds = null,
    List<JsonElement>? Policies = null);
