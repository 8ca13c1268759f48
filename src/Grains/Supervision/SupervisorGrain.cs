using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Cost;
using Autoscaler.Scaling.Supervision;

namespace Autoscaler.Grains.Supervision;

/// <summary>Arbitrates capacity for one scope; the math lives in <see cref="CapacityArbiter"/>.</summary>
public sealed class SupervisorGrain(
    [PersistentState("supervisor", GrainStorage.Default)] IPersistentState<SupervisorState> state,
    TimeProvider clock) : Grain, ISupervisorGrain
{
    /// <summary>A trimmed request not asked again within this time no longer reserves capacity.</summary>
    private static readonly TimeSpan WaitingExpiry = TimeSpan.FromMinutes(2);

    private SupervisorState State => state.State;

    public async Task ReportAsync(TargetCapacityReport report)
    {
        State.Targets[report.Target] = report;
        await state.WriteStateAsync();
    }

    public async Task UnregisterAsync(string target)
    {
        State.Targets.Remove(target);
        State.Waiting.Remove(target);
        await state.WriteStateAsync();
    }

    public async Task<ScaleApproval> RequestCapacityAsync(CapacityRequest request)
    {
        var now = clock.GetUtcNow();
        var settings = State.Settings;
        if (!settings.Enabled)
        {
            var refused = new CapacityGrant(request.Target, request.Current, "Disabled", BudgetLevel.Ok, "scaling is disabled for the scope");
            return new ScaleApproval(refused, Enabled: false, settings.DryRun);
        }

        ExpireWaiting(now);
        var known = State.Targets.GetValueOrDefault(request.Target);
        var usage = new ClusterUsage(
            TotalCapacity: State.Targets.Values.Where(t => t.Target != request.Target).Sum(t => t.Capacity) + request.Current,
            ForecastMonthSpend: State.Targets.Values.Sum(t => t.ForecastMonthSpend),
            HoursLeftInMonth: (CostPeriod.NextMonthStart(now) - now).TotalHours);
        var waiting = State.Waiting.Values.Select(w => w.Request).ToList();
        var grant = CapacityArbiter.Decide(request, usage, settings.Limits, waiting);

        if (grant.Trimmed && grant.Granted < request.Requested)
        {
            State.Waiting[request.Target] = new WaitingRequest(request, now);
        }
        else
        {
            State.Waiting.Remove(request.Target);
        }

        if (!settings.DryRun)
        {
            State.Targets[request.Target] = new TargetCapacityReport(
                request.Target, grant.Granted, request.Priority, request.UnitCostPerHour, known?.ForecastMonthSpend ?? 0m);
        }

        // With limits, the registry is what keeps them after a failover: it is written before the grant leaves. Without
        // limits it is only informational and the targets' periodic reports rebuild it, so the reaction path skips the write.
        if (settings.Limits != ClusterLimits.None)
        {
            await state.WriteStateAsync();
        }

        return new ScaleApproval(grant, Enabled: true, settings.DryRun);
    }

    public async Task<SupervisorStatus> ConfigureAsync(SupervisorSettings settings)
    {
        var errors = settings.Limits.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        }

        State.Settings = settings;
        await state.WriteStateAsync();
        return await GetStatusAsync();
    }

    public Task<SupervisorStatus> GetStatusAsync()
    {
        ExpireWaiting(clock.GetUtcNow());
        var forecast = State.Targets.Values.Sum(t => t.ForecastMonthSpend);
        return Task.FromResult(new SupervisorStatus(
            this.GetPrimaryKeyString(),
            State.Settings,
            [.. State.Targets.Values.OrderBy(t => t.Target, StringComparer.Ordinal)],
            State.Targets.Values.Sum(t => t.Capacity),
            forecast,
            State.Settings.Limits.LevelFor(forecast),
            [.. State.Waiting.Values.Select(w => w.Request).OrderByDescending(r => r.Priority).ThenBy(r => r.Target, StringComparer.Ordinal)]));
    }

    private void ExpireWaiting(DateTimeOffset now)
    {
        foreach (var (target, waiting) in State.Waiting.ToList())
        {
            if (now - waiting.LastAskedAt > WaitingExpiry)
            {
                State.Waiting.Remove(target);
            }
        }
    }
}
