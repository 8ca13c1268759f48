namespace Autoscaler.Ports.Alarms;

/// <summary>A request for one page of an alarm's history.</summary>
/// <param name="Alarm">The alarm's name.</param>
/// <param name="From">Inclusive lower bound on <see cref="AlarmRecord.At"/>.</param>
/// <param name="To">Exclusive upper bound.</param>
/// <param name="Limit">Page size (1..1000).</param>
/// <param name="Cursor">The previous page's <see cref="AlarmHistoryPage.NextCursor"/>; null for the first page.</param>
public sealed record AlarmHistoryQuery(string Alarm, DateTimeOffset From, DateTimeOffset To, int Limit = 100, string? Cursor = null);
