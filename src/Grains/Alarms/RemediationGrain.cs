using Autoscaler.Grains.Alarms.State;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// Restarts a target's workload for alarms (key: target id) through its actuator's <see cref="IRestartTarget"/>, at most
/// once per <see cref="AlarmOptions.RestartMinimumInterval"/> whatever alarm asks, the last restart persisted so that a
/// failover does not reset the limit.
/// </summary>
public sealed partial class RemediationGrain(
    [PersistentState("remediation", GrainStorage.Default)] IPersistentState<RemediationState> state,
    IScaleTargetClientFactory actuators,
    IOptions<AlarmOptions> options,
    TimeProvider clock,
    ILogger<RemediationGrain> logger) : Grain, IRemediationGrain
{
    public async Task<string> RestartAsync(string alarm, string requestId, bool dryRun)
    {
        var target = this.GetPrimaryKeyString();
        var definition = (await GrainFactory.GetGrain<IServiceGrain>(target).GetStatusAsync()).Definition
            ?? throw new ArgumentException($"target: '{target}' is not registered");
        var now = clock.GetUtcNow();
        var interval = options.Value.RestartMinimumInterval;
        if (state.State.LastRestart is { } last && now - last < interval)
        {
            return $"rate-limited: {target} was restarted {(now - last).TotalSeconds:0} s ago (for {state.State.LastAlarm}); at most once per {interval.TotalSeconds:0} s";
        }

        var binding = ScaleTargetRef.Create(target, Enum.Parse<ActuatorKind>(definition.Actuator.Kind, ignoreCase: true), definition.Actuator.Settings);
        if (dryRun)
        {
            return $"dry-run: would restart {target} ({binding.Kind})";
        }

        if (actuators.GetClient(binding) is not IRestartTarget restarter)
        {
            return $"failed: the {binding.Kind} actuator cannot restart a workload";
        }

        state.State.LastRestart = now;
        state.State.LastAlarm = alarm;
        await state.WriteStateAsync();
        var result = await restarter.RestartAsync(binding, requestId);
        LogRestart(logger, target, alarm, result.Succeeded, result.Message);
        return result.Succeeded ? $"succeeded: {target} restarted ({binding.Kind})" : $"failed: {result.ErrorKind}: {result.Message}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} restarted for alarm {Alarm}: succeeded {Succeeded} {Message}")]
    private static partial void LogRestart(ILogger logger, string target, string alarm, bool succeeded, string? message);
}
