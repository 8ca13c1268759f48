namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One alarm history entry: a state change (<c>kind: state</c>, the event's fields) or an action and its outcome.</summary>
public sealed record AlarmHistoryEntry(
    string Id, string Alarm, string? Target, DateTimeOffset At, string Kind, string Severity, string From, string To, string Reason,
    string? Action, string? Outcome);
