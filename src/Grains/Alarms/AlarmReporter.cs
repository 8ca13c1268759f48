using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Alarms;

/// <summary>Writes an alarm's history (state changes and action outcomes) and publishes its state changes. A store or
/// transport failure is logged, never thrown: the alarm keeps evaluating.</summary>
internal sealed partial class AlarmReporter(IAlarmHistoryStore history, IAlarmEventSink events, ILogger logger)
{
    /// <summary>Records and publishes a state change.</summary>
    public async Task<AlarmRecord> StateAsync(LiveAlarm alarm, AlarmState from, AlarmState to, string reason, DateTimeOffset at)
    {
        var definition = alarm.Defined;
        var record = new AlarmRecord(alarm.NextId(), alarm.Name, definition.Target, at, AlarmRecordKind.State,
            EnumNames.Name(definition.Severity), AlarmStates.Name(from), AlarmStates.Name(to), reason);
        await AppendAsync(record);
        try
        {
            await events.PublishAsync(record, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogPublishFailed(logger, alarm.Name, error);
        }

        return record;
    }

    /// <summary>Records what became of one action of <paramref name="transition"/>.</summary>
    public Task ActionAsync(LiveAlarm alarm, AlarmRecord transition, string severity, string action, string outcome, DateTimeOffset at) =>
        AppendAsync(transition with
        {
            Id = alarm.NextId(),
            At = at,
            Kind = AlarmRecordKind.Action,
            Severity = severity,
            Action = action,
            Outcome = outcome,
        });

    private async Task AppendAsync(AlarmRecord record)
    {
        try
        {
            await history.AppendAsync(record);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogHistoryFailed(logger, record.Alarm, record.Id, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Alarm}: could not publish its state change")]
    private static partial void LogPublishFailed(ILogger logger, string alarm, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Alarm}: could not store history entry {Id}")]
    private static partial void LogHistoryFailed(ILogger logger, string alarm, string id, Exception error);
}
