using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Decisions;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Services.Status;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Services.Upkeep;

/// <summary>
/// The cadence of a target's housekeeping: the decision state at least every <see cref="WriteInterval"/> (every decision
/// writes it too; after a failed write, at the next evaluation), the windows at most that often, history rows left in the
/// outbox retried with a growing delay, and once per <see cref="ReportInterval"/> a report to the supervisor and a
/// read-back of the actuator. Capacity changed behind our back is a drift: read back at every evaluation while it lasts,
/// and handed to the decision protocol once it has lasted past the target's drift limit.
/// </summary>
internal sealed partial class TargetUpkeep(LiveTarget target, ITargetStore store, ISupervisorLink supervisor, ActuatorGateway actuator, ControlPlaneMetrics metrics, ILogger logger)
{
    /// <summary>How stale the stored decision state and windows may get.</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often the supervisor hears from a quiet target, and the actuator is read back.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(60);

    /// <summary>The first and the longest wait before history rows left in the outbox are tried again.</summary>
    public static readonly (TimeSpan First, TimeSpan Longest) FlushRetry = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    private DateTimeOffset _lastWrite;
    private DateTimeOffset _lastWindowsWrite;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;
    private DateTimeOffset _nextFlush = DateTimeOffset.MinValue;
    private TimeSpan _flushDelay = FlushRetry.First;

    /// <summary>The state as loaded counts as written at <paramref name="now"/>; a registered target starts reporting its capacity.</summary>
    public void Loaded(DateTimeOffset now)
    {
        _lastWrite = now;
        PublishCapacity();
    }

    /// <summary>Writes the decision state now (and reports the capacity, which a registration may have changed); throws
    /// when storage fails.</summary>
    public async Task WriteAsync(DateTimeOffset now)
    {
        await store.WriteAsync();
        _lastWrite = now;
        PublishCapacity();
    }

    /// <summary>Records an agent pool's aggregates into the windows and reports them for export.</summary>
    public void RecordAggregates(IReadOnlyDictionary<string, double> aggregates, DateTimeOffset now)
    {
        target.RecordAggregates(aggregates, now);
        metrics.Registry.ReportAgents(target.Id, aggregates);
    }

    /// <summary>The target was removed: forgets everything in memory and stops reporting it.</summary>
    public void Removed()
    {
        target.Reset();
        metrics.Registry.Forget(target.Id);
    }

    /// <summary>The grain is leaving this silo: another silo reports the target once it is active there. Before a migration
    /// (<see cref="DeactivationReasonCode.Migrating"/>, never in the middle of a request) a registered target writes its
    /// state and windows and hands them to the migration (<see cref="ITargetStore.WriteForMigrationAsync"/>).</summary>
    public async Task DeactivatedAsync(DeactivationReason reason = default)
    {
        metrics.Registry.Forget(target.Id);
        if (reason.ReasonCode == DeactivationReasonCode.Migrating && target.Definition is not null)
        {
            await store.WriteForMigrationAsync();
        }
    }

    /// <summary>A state write failed: the next evaluation writes again.</summary>
    public void WriteFailed() => _lastWrite = DateTimeOffset.MinValue;

    /// <summary>
    /// After an evaluation that changed nothing: writes, reports and reads back when each is due. Returns the drift to act
    /// on (see <see cref="DriftFinding"/>), or null.
    /// </summary>
    public async Task<DriftFinding?> AfterQuietEvaluationAsync(DateTimeOffset now)
    {
        if (now - _lastWrite >= WriteInterval)
        {
            await WriteAsync(now);
        }

        var report = now - _lastReport >= ReportInterval;
        if (report)
        {
            await ReportToSupervisorAsync(now);
        }

        return report || (target.DriftSince is not null && !target.DriftFlagged) ? await ReadBackAsync(now) : null;
    }

    /// <summary>Saves the windows at most every <see cref="WriteInterval"/>, so a reactivation elsewhere resumes with them.</summary>
    public async Task SaveWindowsIfDueAsync(DateTimeOffset now)
    {
        if (now - _lastWindowsWrite < WriteInterval)
        {
            return;
        }

        _lastWindowsWrite = now;
        await store.WriteWindowsAsync();
    }

    /// <summary>
    /// Tries the history rows left in the outbox when the retry is due (delays grow from <see cref="FlushRetry"/>'s first
    /// to its longest while the store keeps failing); once they are stored, the state that still lists them is written.
    /// </summary>
    public async Task FlushHistoryIfDueAsync(DateTimeOffset now, DecisionReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        if (target.HistoryOutbox.Count == 0 || now < _nextFlush)
        {
            return;
        }

        if (await reporter.FlushAsync())
        {
            _flushDelay = FlushRetry.First;
            WriteFailed();
            return;
        }

        _nextFlush = now + _flushDelay;
        _flushDelay = TimeSpan.FromTicks(Math.Min(_flushDelay.Ticks * 2, FlushRetry.Longest.Ticks));
    }

    /// <summary>Tells the supervisor the capacity in effect and the month-end spend forecast.</summary>
    public async Task ReportToSupervisorAsync(DateTimeOffset now)
    {
        var definition = target.Registered;
        _lastReport = now;
        var forecast = TargetStatusView.Money(target.Cost?.ForecastMonthEnd(now, target.Current, target.InstanceHourPrice) ?? 0m);
        await supervisor.ReportAsync(
            definition.Scope, new TargetCapacityReport(target.Id, target.Current, definition.Priority, target.InstanceHourPrice, forecast));
    }

    private void PublishCapacity()
    {
        if (target.Definition is { } definition)
        {
            metrics.Registry.Report(target.Id, target.Current, desired: null, definition.Min, definition.Max);
        }
    }

    private async Task<DriftFinding?> ReadBackAsync(DateTimeOffset now)
    {
        if (await actuator.ReadBackAsync(target.Registered) is not { } observed)
        {
            return null;
        }

        target.Observed = observed;
        if (observed == target.Current || target.Pending is not null)
        {
            if (target.DriftSince is { } since)
            {
                LogDriftEnded(logger, target.Id, target.Current, since);
                target.DriftSince = null;
                target.DriftFlagged = false;
            }

            return null;
        }

        if (target.DriftSince is null)
        {
            target.DriftSince = now;
            LogDrift(logger, target.Id, target.Current, observed);
        }

        var lasted = now - target.DriftSince.Value >= target.Registered.DriftLimit;
        return lasted ? new DriftFinding(observed, target.DriftSince.Value, NewlyFlagged: !target.DriftFlagged) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} drifted: {Current} decided, the actuator reports {Observed}")]
    private static partial void LogDrift(ILogger logger, string target, int current, int observed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target}: the actuator reports {Current} again (drift since {Since:O} ended)")]
    private static partial void LogDriftEnded(ILogger logger, string target, int current, DateTimeOffset since);
}
