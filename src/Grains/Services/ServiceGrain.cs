using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.KeepAlive;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Alarms;
using Autoscaler.Grains.Services.Decisions;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Services.Status;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Services;

/// <summary>One scalable target as an Orleans shell, placed on its home silo (Placement/) and kept alive there by the silos'
/// sweep (KeepAlive/). The target lives in <see cref="LiveTarget"/>; deciding is <see cref="DecisionProtocol"/>'s,
/// housekeeping (and saving before a migration) <see cref="TargetUpkeep"/>'s, what operators see <see cref="TargetStatusView"/>'s.</summary>
[Placement.TargetPlacement]
public sealed class ServiceGrain(
    [PersistentState("service", GrainStorage.Default)] IPersistentState<ServiceState> state,
    [PersistentState("windows", GrainStorage.Default)] IPersistentState<ServiceWindowsState> windowsState,
    IScaleTargetClientFactory actuators,
    IScalingHistoryStore history,
    IScalingEventSink events,
    ISupervisorLink supervisor,
    IDecisionFanout fanout,
    TargetTelemetryLimits limits,
    Sizing.IInstancePricing pricing,
    TimeProvider clock,
    Monitoring.ControlPlaneMetrics metrics,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain, IRemindable
{
    private LiveTarget _target = null!;
    private DecisionProtocol _protocol = null!;
    private TargetUpkeep _upkeep = null!;
    private ITargetStore _store = null!;
    private EvaluationTimer _timer = null!;
    private TargetPricing _pricing = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _target = new LiveTarget(this.GetPrimaryKeyString(), limits);
        _store = TargetStore.Load(_target, state, windowsState);
        var actuator = new ActuatorGateway(_target.Id, actuators, metrics);
        _upkeep = new TargetUpkeep(_target, _store, supervisor, actuator, metrics, logger);
        _pricing = TargetPricing.Load(_target, _store, pricing, _upkeep);
        var reporter = new DecisionReporter(_target, history, events, fanout, clock, metrics, logger);
        _protocol = new DecisionProtocol(_target, supervisor, actuator, reporter, _upkeep, clock, metrics, logger);
        _timer = new EvaluationTimer(this, OnTimerAsync);
        _timer.StartFor(_target.Definition);

        if (_target.Pending is { } pending)
        {
            await _protocol.ResolvePendingAsync(pending, cancellationToken);
        }

        _upkeep.Loaded(clock.GetUtcNow());
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _upkeep?.DeactivatedAsync(reason) ?? Task.CompletedTask;

    public Task<TargetStatus> ConfigureAsync(TargetDefinition definition) => ApplyAsync(new TargetSpec(definition));

    public async Task<TargetStatus> ApplyAsync(TargetSpec spec)
    {
        var now = clock.GetUtcNow();
        var (changed, removed) = TargetEditing.Apply(_target, spec, now);
        await _upkeep.WriteAsync(now);
        await Task.WhenAll(changed.Select(p => Policy(p.Name).SetAsync(p)).Concat(removed.Select(name => Policy(name).DeleteAsync())));
        await Directory().AddAsync(_target.Id, _target.Registered.Scope);
        _timer.Start(_target.Registered.EvaluationIntervalSeconds);
        await _upkeep.ReportToSupervisorAsync(now);
        return TargetStatusView.Of(_target, now);
    }

    public async Task<TargetStatus> GetStatusAsync()
    {
        var status = TargetStatusView.Of(_target, clock.GetUtcNow());
        return _target.Definition?.AgentPool is { } pool
            ? TargetStatusView.WithAgentHours(status, (await AgentPool().GetStatusAsync(pool.StalenessSeconds)).AgentHoursThisMonth)
            : status;
    }

    public async Task RemoveAsync()
    {
        if (_target.Definition is not { } definition)
        {
            return;
        }

        await Task.WhenAll(_target.Policies.Select(p => Policy(p.Name).DeleteAsync()));
        await GrainFactory.GetGrain<ISupervisorGrain>(definition.Scope).UnregisterAsync(_target.Id);
        await Directory().RemoveAsync(_target.Id);
        _timer.Stop();
        await LegacyKeepAliveReminder.DropAsync(this);
        await state.ClearStateAsync();
        _upkeep.Removed();
        DeactivateOnIdle();
    }

    public async Task<TargetStatus> SetPolicyAsync(PolicyDefinition policy)
    {
        TargetEditing.SetPolicy(_target, policy);
        await Task.WhenAll(Policy(policy.Name).SetAsync(policy), _store.WriteAsync());
        return TargetStatusView.Of(_target, clock.GetUtcNow());
    }

    public async Task<TargetStatus> RemovePolicyAsync(string name)
    {
        if (TargetEditing.RemovePolicy(_target, name))
        {
            await Task.WhenAll(Policy(name).DeleteAsync(), _store.WriteAsync());
        }

        return TargetStatusView.Of(_target, clock.GetUtcNow());
    }

    public Task<IReadOnlyList<PolicyDefinition>> GetPoliciesAsync() => Task.FromResult<IReadOnlyList<PolicyDefinition>>([.. _target.Policies]);

    public async Task IngestAsync(IReadOnlyList<TelemetrySample> samples)
    {
        var definition = _target.Registered;
        _target.Record(samples);
        var now = clock.GetUtcNow();
        if (definition.AgentPool is { } pool)
        {
            _upkeep.RecordAggregates(await AgentPool().ObserveAsync(samples, pool.StalenessSeconds), now);
        }

        await _protocol.OnTelemetryAsync();
    }

    public async Task LifecycleAsync(AgentLifecycleEvent lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        _ = _target.Registered;
        await AgentPool().LifecycleAsync(lifecycle);
        if (lifecycle.Kind == AgentLifecycleKind.Stopped)
        {
            _target.Windows.RemoveInstance(lifecycle.Source);
        }
    }

    public Task<DecisionRecord> EvaluateNowAsync() => _protocol.EvaluateAsync("api", scaleOutOnly: false);

    public Task<Recommendation> GetRecommendationAsync() => Task.FromResult(TargetStatusView.Recommend(_target, clock.GetUtcNow()));

    public async Task<DecisionRecord> ScaleManuallyAsync(ManualScale request)
    {
        TargetEditing.Pin(_target, request, clock.GetUtcNow());
        await _store.WriteAsync();
        return await _protocol.EvaluateAsync("manual", scaleOutOnly: false);
    }

    public async Task<TargetStatus> ClearOverrideAsync()
    {
        TargetEditing.Unpin(_target);
        await _store.WriteAsync();
        return TargetStatusView.Of(_target, clock.GetUtcNow());
    }

    public Task<IReadOnlyList<MetricSummary>> GetMetricsAsync() => Task.FromResult(TargetStatusView.Metrics(_target, clock.GetUtcNow()));

    public Task<IReadOnlyList<DecisionRecord>> GetRecentDecisionsAsync(int limit) => Task.FromResult(TargetStatusView.Recent(_target, limit));

    public Task<TargetTrace> GetTraceAsync(DateTimeOffset from, DateTimeOffset to) => TargetTraceBuilder.BuildAsync(_target, history, from, to);

    public Task<double[]> GetAlarmDatapointsAsync(AlarmDatapointQuery query) => Task.FromResult(AlarmDatapoints.Read(_target.Windows.Query, query));

    public Task<DecisionRecord> ScaleForAlarmAsync(AlarmScaleRequest request) => _protocol.ApplyAlarmAsync(request);

    public Task<TargetStatus> SizeAppliedAsync(AppliedInstanceSize size) => _pricing.SizeAppliedAsync(size, clock.GetUtcNow());

    public Task KeepAliveAsync() => Task.CompletedTask;

    // Only reminders registered before the keep-alive sweep still tick: the first tick unregisters it.
    public Task ReceiveReminder(string reminderName, TickStatus status) => LegacyKeepAliveReminder.DropAsync(this, reminderName);

    private async Task OnTimerAsync()
    {
        if (_target.Definition is not null && _target.Pending is null)
        {
            await _protocol.OnTimerAsync();
        }
    }

    private ITargetDirectoryGrain Directory() => GrainFactory.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key);

    private IAgentPoolGrain AgentPool() => GrainFactory.GetGrain<IAgentPoolGrain>(_target.Id);

    private IPolicyGrain Policy(string name) => GrainFactory.GetGrain<IPolicyGrain>($"{_target.Id}/{name}");
}
