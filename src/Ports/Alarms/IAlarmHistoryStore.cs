namespace Autoscaler.Ports.Alarms;

/// <summary>Alarm history: every state change and action outcome, kept at least 14 days, paged by alarm and time.</summary>
public interface IAlarmHistoryStore
{
    /// <summary>Stores a record; idempotent by <see cref="AlarmRecord.Id"/>. True when this call stored it.</summary>
    public Task<bool> AppendAsync(AlarmRecord record, CancellationToken cancellationToken = default);

    /// <summary>A page of one alarm's entries in [From, To), newest first, continuing after the query's cursor.</summary>
    public Task<AlarmHistoryPage> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Removes entries older than <paramref name="olderThan"/>; returns how many.</summary>
    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}
