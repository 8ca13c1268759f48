using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Alarms.State;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.KeepAlive;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Alarms;

/// <summary>One alarm as an Orleans shell: activation, the boundary timer and one short method per interface member (the
/// silos' keep-alive sweep brings it back after its silo is lost). The alarm lives in <see cref="LiveAlarm"/>; evaluating
/// and reacting is <see cref="AlarmCycle"/>'s.</summary>
public sealed class AlarmGrain(
    [PersistentState("alarm", GrainStorage.Default)] IPersistentState<AlarmGrainState> state,
    IAlarmHistoryStore history,
    IAlarmEventSink events,
    IAlarmNotifier notifier,
    IControlPlaneSignals signals,
    AlarmMetrics metrics,
    IOptions<AlarmOptions> options,
    TimeProvider clock,
    ILogger<AlarmGrain> logger) : Grain, IAlarmGrain, IRemindable
{
    private static readonly TimeSpan RingSaveSpacing = TimeSpan.FromMinutes(10);

    private LiveAlarm _alarm = null!;
    private AlarmCycle _cycle = null!;
    private AlarmTimer _timer = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarm = AlarmMapping.Load(this.GetPrimaryKeyString(), state.State);
        var reporter = new AlarmReporter(history, events, logger);
        var actions = new AlarmActionRunner(_alarm, reporter, notifier, GrainFactory, options.Value, metrics, logger);
        var evaluation = new AlarmEvaluation(_alarm, new AlarmDatapointSource(GrainFactory, signals), GrainFactory);
        _cycle = new AlarmCycle(_alarm, evaluation, reporter, actions, GrainFactory, metrics);
        _timer = new AlarmTimer(this, clock, OnTickAsync);
        if (_alarm.Definition is not null)
        {
            _timer.Start(_alarm.TickStep(options.Value.CompositeRefresh), options.Value.EvaluationDelay);
        }

        return Task.CompletedTask;
    }

    public async Task<AlarmStatus> PutAsync(string definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition);
        var parsed = _alarm.Parse(definition);
        var now = clock.GetUtcNow();
        var probe = new LiveAlarm(_alarm.Name);
        probe.Define(parsed, definition, now);
        await Directory().AddAsync(AlarmStatusView.Entry(probe));
        _alarm.Define(parsed, definition, now);
        await WriteAsync(now);
        _timer.Start(_alarm.TickStep(options.Value.CompositeRefresh), options.Value.EvaluationDelay);
        return AlarmStatusView.Of(_alarm, now);
    }

    public Task<AlarmStatus?> GetAsync() =>
        Task.FromResult(_alarm.Definition is null ? null : AlarmStatusView.Of(_alarm, clock.GetUtcNow()));

    public Task<string?> GetStateAsync() => Task.FromResult(_alarm.Definition is null ? null : AlarmStates.Name(_alarm.State));

    public async Task DeleteAsync()
    {
        if (_alarm.Definition is null)
        {
            return;
        }

        await Directory().RemoveAsync(_alarm.Name);
        _timer.Stop();
        await LegacyKeepAliveReminder.DropAsync(this);
        await state.ClearStateAsync();
        _alarm = AlarmMapping.Load(_alarm.Name, state.State);
        DeactivateOnIdle();
    }

    public async Task<AlarmStatus> SetStateAsync(string stateName, string reason)
    {
        _ = _alarm.Defined;
        if (!AlarmStates.TryParse(stateName, out var to))
        {
            throw new ArgumentException($"state: must be one of OK, ALARM, INSUFFICIENT_DATA, not \"{stateName}\"");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = clock.GetUtcNow();
        if (to != _alarm.State)
        {
            await _cycle.ChangeAsync(to, $"Set by operator: {reason}", now);
            await WriteAsync(now);
        }

        return AlarmStatusView.Of(_alarm, now);
    }

    public async Task<AlarmStatus> MuteAsync(AlarmMute mute)
    {
        ArgumentNullException.ThrowIfNull(mute);
        _ = _alarm.Defined;
        var now = clock.GetUtcNow();
        if (mute.Until <= mute.From || mute.Until <= now)
        {
            throw new ArgumentException("until: must be after from and in the future");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(mute.Reason);
        _alarm.Mutes.Add(mute);
        await WriteAsync(now);
        return AlarmStatusView.Of(_alarm, now);
    }

    public async Task<AlarmStatus> UnmuteAsync()
    {
        _ = _alarm.Defined;
        _alarm.Mutes.Clear();
        var now = clock.GetUtcNow();
        await WriteAsync(now);
        return AlarmStatusView.Of(_alarm, now);
    }

    public async Task<AlarmStatus> EvaluateNowAsync()
    {
        _ = _alarm.Defined;
        await EvaluateAsync();
        return AlarmStatusView.Of(_alarm, clock.GetUtcNow());
    }

    public Task<AlarmHistoryPage> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, int limit, string? cursor) =>
        history.QueryAsync(new AlarmHistoryQuery(_alarm.Name, from, to, Math.Clamp(limit, 1, 1000), cursor));

    public Task WatchedChangedAsync() => _alarm.Definition?.IsComposite == true ? EvaluateAsync() : Task.CompletedTask;

    public Task KeepAliveAsync() => Task.CompletedTask;

    // Only reminders registered before the keep-alive sweep still tick: the first tick unregisters it.
    public Task ReceiveReminder(string reminderName, TickStatus status) => LegacyKeepAliveReminder.DropAsync(this, reminderName);

    private Task OnTickAsync() => _alarm.Definition is null ? Task.CompletedTask : EvaluateAsync();

    private async Task EvaluateAsync()
    {
        var now = clock.GetUtcNow();
        var definition = _alarm.Defined;
        var step = _alarm.TickStep(options.Value.CompositeRefresh);
        var boundary = AlarmTimer.Boundary(now - options.Value.EvaluationDelay, step);
        if (definition.Metric is { } metric && metric.PeriodSeconds > step.TotalSeconds && boundary.UtcTicks % TimeSpan.FromSeconds(metric.PeriodSeconds).Ticks != 0)
        {
            // A long period: this hourly tick only collects its hour.
            await _cycle.CollectAsync(boundary);
            await SaveRingIfDueAsync(now);
            return;
        }

        if (await _cycle.EvaluateAsync(now, boundary))
        {
            await WriteAsync(now);
        }
        else
        {
            await SaveRingIfDueAsync(now);
        }
    }

    private async Task SaveRingIfDueAsync(DateTimeOffset now)
    {
        if (_alarm.Ring.Capacity > 0 && now - _alarm.RingSavedAt >= RingSaveSpacing)
        {
            await WriteAsync(now);
        }
    }

    private async Task WriteAsync(DateTimeOffset now)
    {
        AlarmMapping.Save(_alarm, state.State);
        _alarm.RingSavedAt = now;
        await state.WriteStateAsync();
    }

    private IAlarmDirectoryGrain Directory() => GrainFactory.GetGrain<IAlarmDirectoryGrain>(IAlarmDirectoryGrain.Key);
}
