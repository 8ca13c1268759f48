using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Decisions;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Services.Status;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Services.Upkeep;

/// <summary>
/// The cadence of a target's housekeeping: the decision state at least every <see cref="WriteInterval"/> (every decision
/// writes it too), the windows at most that often, and once per <see cref="ReportInterval"/> a report to the supervisor
/// and a read-back of the actuator (capacity changed behind our back shows as drift).
/// </summary>
internal sealed partial class TargetUpkeep(LiveTarget target, ITargetStore store, ISupervisorLink supervisor, ActuatorGateway actuator, ControlPlaneMetrics metrics, ILogger logger)
{
    /// <summary>How stale the stored decision state and windows may get.</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often the supervisor hears from a quiet target, and the actuator is read back.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(60);

    private DateTimeOffset _lastWrite;
    private DateTimeOffset _lastWindowsWrite;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    /// <summary>The state as loaded counts as written at <paramref name="now"/>; a registered target starts reporting its capacity.</summary>
    public void Loaded(DateTimeOffset now)
    {
        _lastWrite = now;
        PublishCapacity();
    }

    /// <summary>Writes the decision state now (and reports the capacity, which a registration may have changed).</summary>
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

    /// <summary>The grain is leaving this silo: another silo reports the target once it is active there.</summary>
    public Task DeactivatedAsync()
    {
        metrics.Registry.Forget(target.Id);
        return Task.CompletedTask;
    }

    /// <summary>After an evaluation that changed nothing: writes, reports and reads back when each is due.</summary>
    public async Task AfterQuietEvaluationAsync(DateTimeOffset now)
    {
        if (now - _lastWrite >= WriteInterval)
        {
            await WriteAsync(now);
        }

        if (now - _lastReport >= ReportInterval)
        {
            await ReportToSupervisorAsync(now);
            await ReadBackAsync();
        }
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

    /// <summary>Tells the supervisor the capacity in effect and the month-end spend forecast.</summary>
    public async Task ReportToSupervisorAsync(DateTimeOffset now)
    {
        var definition = target.Registered;
        _lastReport = now;
        var forecast = TargetStatusView.Money(target.Cost?.ForecastMonthEnd(now, target.Current, definition.UnitCostPerHour) ?? 0m);
        await supervisor.ReportAsync(
            definition.Scope, new TargetCapacityReport(target.Id, target.Current, definition.Priority, definition.UnitCostPerHour, forecast));
    }

    private void PublishCapacity()
    {
        if (target.Definition is { } definition)
        {
            metrics.Registry.Report(target.Id, target.Current, desired: null, definition.Min, definition.Max);
        }
    }

    private async Task ReadBackAsync()
    {
        if (await actuator.ReadBackAsync(target.Registered) is not { } observed)
        {
            return;
        }

        target.Observed = observed;
        if (observed != target.Current)
        {
            LogDrift(logger, target.Id, target.Current, observed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} drifted: {Current} decided, the actuator reports {Observed}")]
    private static partial void LogDrift(ILogger logger, string target, int current, int observed);
}
