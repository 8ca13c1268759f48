using Autoscaler.Ports.Alarms;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>GET /alarms/{name}/history</c>: newest first; pass <c>nextCursor</c> as <c>cursor</c> for the next page.</summary>
public sealed record AlarmHistoryView(string Alarm, IReadOnlyList<AlarmHistoryEntry> Entries, string? NextCursor)
{
    /// <summary>The view of a page.</summary>
    public static AlarmHistoryView Of(string alarm, AlarmHistoryPage page) =>
        new(alarm, [.. page.Entries.Select(e => new AlarmHistoryEntry(
            e.Id, e.Alarm, e.Target, e.At, e.Kind == AlarmRecordKind.State ? "state" : "action", e.Severity, e.From, e.To, e.Reason, e.Action, e.Outcome))],
            page.NextCursor);
}
