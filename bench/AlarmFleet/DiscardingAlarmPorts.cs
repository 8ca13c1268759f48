using Autoscaler.Ports.Alarms;

namespace Autoscaler.AlarmFleet.Benchmarks;

/// <summary>Alarm history, events and notifications that keep and send nothing, counting what they were handed
/// (production's history is PostgreSQL and its events go to NATS, outside the silo's CPU budget measured here).</summary>
internal sealed class DiscardingAlarmPorts : IAlarmHistoryStore, IAlarmEventSink, IAlarmNotifier
{
    private long _records;

    /// <summary>History records and events handed over.</summary>
    public long Records => Interlocked.Read(ref _records);

    public Task<bool> AppendAsync(AlarmRecord record, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _records);
        return Task.FromResult(true);
    }

    public Task<AlarmHistoryPage> QueryAsync(AlarmHistoryQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AlarmHistoryPage([], null));

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public ValueTask PublishAsync(AlarmRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NotificationOutcome>>([]);
}
