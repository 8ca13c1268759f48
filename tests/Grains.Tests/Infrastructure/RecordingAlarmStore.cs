using System.Collections.Concurrent;
using Autoscaler.Ports.Alarms;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>The grain tests' alarm history and event sink in one: every record kept in order, published state changes
/// apart. Tests read their own alarms' records (alarm names are unique per test).</summary>
public sealed class RecordingAlarmStore : IAlarmHistoryStore, IAlarmEventSink
{
    private readonly ConcurrentQueue<AlarmRecord> _history = new();
    private readonly ConcurrentQueue<AlarmRecord> _published = new();

    public IReadOnlyList<AlarmRecord> History(string alarm) => [.. _history.Where(r => r.Alarm == alarm)];

    public IReadOnlyList<AlarmRecord> Published(string alarm) => [.. _published.Where(r => r.Alarm == alarm)];

    public Task<bool> AppendAsync(AlarmRecord record, CancellationToken cancellationToken = default)
    {
        _history.Enqueue(record);
        return Task.FromResult(true);
    }

    public Task<AlarmHistoryPage> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AlarmHistoryPage([.. History(query.Alarm).Reverse()], null));

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public ValueTask PublishAsync(AlarmRecord record, CancellationToken cancellationToken)
    {
        _published.Enqueue(record);
        return ValueTask.CompletedTask;
    }
}
