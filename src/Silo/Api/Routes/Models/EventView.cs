namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A scaling event as the dashboard and the event stream show it (contracts/telemetry.md), plus the optional
/// <c>limitedBy</c>, <c>trigger</c> and <c>outcome</c> the history knows. <c>id</c> is the event's own id (a decision's
/// outcomes each have their own), <c>decisionId</c> the decision it belongs to.</summary>
public sealed record EventView(
    string Id,
    string Target,
    DateTimeOffset At,
    string Kind,
    int From,
    int To,
    string Actor,
    bool DryRun,
    IReadOnlyList<string> Explanation,
    string? LimitedBy = null,
    string? Trigger = null,
    string? Outcome = null,
    string? DecisionId = null);
