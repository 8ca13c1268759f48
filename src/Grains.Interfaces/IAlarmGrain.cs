namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// One alarm (key: its name): a metric alarm on a target's metric or a control-plane metric, an anomaly alarm, or a
/// composite over other alarms. Evaluates at every period boundary on a timer (composites when a watched alarm changes),
/// keeps its state and action memory in grain state, records every change and action in the alarm history, publishes
/// state changes, and runs its actions. The silos' keep-alive sweep brings it back after its silo is lost.
/// </summary>
[Alias("autoscaler.IAlarmGrain")]
public interface IAlarmGrain : IKeptAlive
{
    /// <summary>Creates or replaces the alarm from its JSON definition; throws <see cref="ArgumentException"/> naming
    /// the field (<c>datapointsToAlarm: must be between 1 and evaluationPeriods (3)</c>) and changes nothing then.</summary>
    [Alias("Put")]
    public Task<AlarmStatus> PutAsync(string definition);

    /// <summary>The alarm, or null when it does not exist.</summary>
    [Alias("Get")]
    public Task<AlarmStatus?> GetAsync();

    /// <summary>The state name, or null when the alarm does not exist (what a composite reads).</summary>
    [Alias("GetState")]
    public Task<string?> GetStateAsync();

    /// <summary>Deletes the alarm; throws <see cref="InvalidOperationException"/> while a composite watches it.</summary>
    [Alias("Delete")]
    public Task DeleteAsync();

    /// <summary>Sets the state until the next evaluation, running the transition's actions (CloudWatch's SetAlarmState,
    /// to test actions).</summary>
    [Alias("SetState")]
    public Task<AlarmStatus> SetStateAsync(string state, string reason);

    /// <summary>Adds a mute window.</summary>
    [Alias("Mute")]
    public Task<AlarmStatus> MuteAsync(AlarmMute mute);

    /// <summary>Removes every mute window.</summary>
    [Alias("Unmute")]
    public Task<AlarmStatus> UnmuteAsync();

    /// <summary>Evaluates now (the range ending at the latest period boundary).</summary>
    [Alias("EvaluateNow")]
    public Task<AlarmStatus> EvaluateNowAsync();

    /// <summary>A page of the alarm's history in [<paramref name="from"/>, <paramref name="to"/>), newest first.</summary>
    [Alias("GetHistory")]
    public Task<Autoscaler.Ports.Alarms.AlarmHistoryPage> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, int limit, string? cursor);

    /// <summary>A watched alarm changed state: a composite re-evaluates.</summary>
    [Alias("WatchedChanged"), Orleans.Concurrency.OneWay]
    public Task WatchedChangedAsync();
}
