using System.Text.Json;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>An alarm as the API shows it: its state and why, what it watches, mutes, and its definition as written.</summary>
public sealed record AlarmView(
    string Name,
    string Kind,
    string? Target,
    string? Metric,
    string Severity,
    string State,
    string Reason,
    DateTimeOffset StateChangedAt,
    DateTimeOffset? LastEvaluatedAt,
    double? Threshold,
    string? Comparison,
    AlarmBand? Band,
    int PeriodSeconds,
    bool Muted,
    IReadOnlyList<AlarmMute> Mutes,
    bool ActionsEnabled,
    int EscalationLevel,
    JsonElement Definition);
