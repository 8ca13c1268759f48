using Autoscaler.Ports.Alarms;

namespace Autoscaler.Silo.ControlPlane.Alarms;

/// <summary>
/// The alarm history of embedded mode: process memory, idempotent by id, the newest <see cref="MaxEntriesPerAlarm"/>
/// entries per alarm and nothing older than <see cref="Retention"/> (14 days, as CloudWatch keeps). Nothing survives a restart.
/// </summary>
public sealed class InMemoryAlarmHistoryStore(TimeProvider clock) : IAlarmHistoryStore
{
    /// <summary>Entries kept per alarm.</summary>
    public const int MaxEntriesPerAlarm = 5_000;

    /// <summary>How long entries are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    private readonly InMemoryHistoryLog<AlarmRecord> _log = new(r => r.Alarm, r => r.Id, r => r.At, MaxEntriesPerAlarm);

    public Task<bool> AppendAsync(AlarmRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(_log.Append(record, clock.GetUtcNow() - Retention));
    }

    public Task<AlarmHistoryPage> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, next) = _log.Query(query.Alarm, query.From, query.To, query.Limit, query.Cursor);
        return Task.FromResult(new AlarmHistoryPage(page, next));
    }

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        Task.FromResult(_log.Purge(olderThan));
}
