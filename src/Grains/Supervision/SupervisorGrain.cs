using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Supervision.Budget;
using Autoscaler.Scaling.Cost;
using Autoscaler.Scaling.Supervision;
using Orleans.Concurrency;

namespace Autoscaler.Grains.Supervision;

/// <summary>
/// Arbitrates capacity for one scope; the math lives in <see cref="CapacityArbiter"/>. Every target of the scope reports
/// to this grain and asks it before scaling out, so it is reentrant and group-commits its state: a request computes its
/// grant on the live registry at once (grants never interleave mid-decision) and waits only for a write that covers it.
/// Periodic reports that change nothing but the spend forecast are kept in memory and persisted at most every
/// <see cref="ForecastPersistInterval"/> (after a failover the next reports refresh them). Budget actions are
/// <see cref="BudgetActionRunner"/>'s, checked on the reports. The registry's sums are kept as reports change
/// (<see cref="CapacityTotals"/>), so a request costs the same with 30 or 30,000 targets.
/// </summary>
[Reentrant]
public sealed class SupervisorGrain : Grain, ISupervisorGrain
{
    /// <summary>A trimmed request not asked again within this time no longer reserves capacity.</summary>
    private static readonly TimeSpan WaitingExpiry = TimeSpan.FromMinutes(2);

    /// <summary>How stale the persisted spend forecasts may get when only forecasts change.</summary>
    private static readonly TimeSpan ForecastPersistInterval = TimeSpan.FromMinutes(5);

    private readonly IPersistentState<SupervisorState> _state;
    private readonly TimeProvider _clock;
    private readonly GroupCommit<SupervisorState> _commit;
    private readonly BudgetActionRunner _budget;
    private SupervisorState _live = new();
    private CapacityTotals _totals = new();
    private DateTimeOffset _lastCommit;

    /// <summary>Creates the grain over its persisted state.</summary>
    public SupervisorGrain([PersistentState("supervisor", GrainStorage.Default)] IPersistentState<SupervisorState> state, TimeProvider clock, BudgetActionRunnerFactory budget)
    {
        _state = state;
        _clock = clock;
        _commit = new GroupCommit<SupervisorState>(state, Snapshot);
        _budget = (budget ?? throw new ArgumentNullException(nameof(budget))).Create(this, () => _live, () => CommitAsync(_clock.GetUtcNow()));
    }

    private SupervisorState State => _live;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = _state.State.Copy();
        _totals = CapacityTotals.Of(_live.Targets.Values);
        _lastCommit = _clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task ReportAsync(TargetCapacityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = _clock.GetUtcNow();
        var known = Put(report);
        var material = known is null || known with { ForecastMonthSpend = report.ForecastMonthSpend } != report;
        if (material || now - _lastCommit >= ForecastPersistInterval)
        {
            await CommitAsync(now);
        }

        _budget.Poke(now);
    }

    public async Task ReportManyAsync(IReadOnlyList<TargetCapacityReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var material = false;
        foreach (var report in reports)
        {
            var known = Put(report);
            material |= known is null || known with { ForecastMonthSpend = report.ForecastMonthSpend } != report;
        }

        if (material)
        {
            await CommitAsync(_clock.GetUtcNow());
        }

        _budget.Poke(_clock.GetUtcNow());
    }

    public async Task UnregisterAsync(string target)
    {
        if (State.Targets.Remove(target, out var known))
        {
            _totals.Replace(known, null);
        }

        State.Waiting.Remove(target);
        await CommitAsync(_clock.GetUtcNow());
    }

    public async Task<ScaleApproval> RequestCapacityAsync(TargetCapacityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _clock.GetUtcNow();
        var settings = State.Settings;
        if (!settings.Enabled)
        {
            return new ScaleApproval(request.Current, "Disabled", BudgetStatus.Ok, "scaling is disabled for the scope", Enabled: false, settings.DryRun);
        }

        ExpireWaiting(now);
        var known = State.Targets.GetValueOrDefault(request.Target);
        var usage = new ClusterUsage(
            TotalCapacity: (int)Math.Min(int.MaxValue, _totals.Capacity - (known?.Capacity ?? 0) + request.Current),
            ForecastMonthSpend: _totals.ForecastMonthSpend,
            HoursLeftInMonth: (CostPeriod.NextMonthStart(now) - now).TotalHours);
        var waiting = State.Waiting.Values.Select(w => SupervisorMapping.ToEngine(w.Request)).ToList();
        var limits = SupervisorMapping.ToEngine(settings.Limits);
        var grant = CapacityArbiter.Decide(SupervisorMapping.ToEngine(request), usage, limits, waiting);

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
            Put(new TargetCapacityReport(request.Target, grant.Granted, request.Priority, request.UnitCostPerHour, known?.ForecastMonthSpend ?? 0m));
        }

        // With limits, the registry is what keeps them after a failover: it is written before the grant leaves. Without
        // limits it is only informational and the targets' periodic reports rebuild it, so the reaction path skips the write.
        if (limits != ClusterLimits.None)
        {
            await CommitAsync(now);
        }

        return SupervisorMapping.ToApproval(grant, enabled: true, settings.DryRun);
    }

    public async Task<SupervisorStatus> ConfigureAsync(SupervisorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = SupervisorMapping.Problems(settings.Limits);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        }

        State.Settings = settings;
        await CommitAsync(_clock.GetUtcNow());
        _budget.Poke(_clock.GetUtcNow(), force: true);
        return await GetStatusAsync();
    }

    public Task<int> CheckBudgetAsync() => _budget.RunAsync(_clock.GetUtcNow());

    public Task<SupervisorStatus> GetStatusAsync()
    {
        ExpireWaiting(_clock.GetUtcNow());
        var forecast = _totals.ForecastMonthSpend;
        return Task.FromResult(new SupervisorStatus(
            this.GetPrimaryKeyString(),
            State.Settings,
            [.. State.Targets.Values.OrderBy(t => t.Target, StringComparer.Ordinal)],
            (int)Math.Min(int.MaxValue, _totals.Capacity),
            forecast,
            SupervisorMapping.ToWire(SupervisorMapping.ToEngine(State.Settings.Limits).LevelFor(forecast)),
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

    /// <summary>Records a target's report and keeps the sums; returns the report it replaced.</summary>
    private TargetCapacityReport? Put(TargetCapacityReport report)
    {
        var known = State.Targets.GetValueOrDefault(report.Target);
        State.Targets[report.Target] = report;
        _totals.Replace(known, report);
        return known;
    }

    private Task CommitAsync(DateTimeOffset now)
    {
        _lastCommit = now;
        return _commit.CommitAsync();
    }

    private SupervisorState Snapshot() => _live.Copy();
}
