namespace Autoscaler.Ports.Alarms;

/// <summary>One page of alarm history, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="NextCursor">Opaque position after the last entry (time, id); null on the last page.</param>
public sealed record AlarmHistoryPage(IReadOnlyList<AlarmRecord> Entries, string? NextCursor);
