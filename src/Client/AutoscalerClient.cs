using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Client;

/// <summary><see cref="IAutoscalerClient"/> over an Orleans <see cref="IClusterClient"/>: each call is one grain call,
/// retried a few times when the cluster fails it transiently (<see cref="ClusterRetry"/>).</summary>
/// <param name="cluster">The connected Orleans client.</param>
/// <param name="options">Client name and subscription renewal.</param>
/// <param name="clock">Clock of lifecycle and renewal timing.</param>
/// <param name="logger">Logs handler failures of subscriptions.</param>
public sealed class AutoscalerClient(
    IClusterClient cluster, IOptions<AutoscalerClientOptions> options, TimeProvider clock, ILogger<AutoscalerClient> logger) : IAutoscalerClient
{
    private const string DefaultScope = "default";
    private readonly ClusterRetry _retry = new(options.Value, clock);

    /// <inheritdoc />
    public Task<TargetStatus> RegisterTargetAsync(TargetDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _retry.RunAsync(() => Service(definition.Id).ConfigureAsync(definition), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FleetResult> RegisterTargetsAsync(IReadOnlyList<TargetSpec> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return ApplyFleetAsync(new FleetSpec(targets, []), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FleetResult> ApplyFleetAsync(FleetSpec fleet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return Fleet().ApplyAsync(fleet).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<FleetSpec> ExportFleetAsync(CancellationToken cancellationToken = default) => Fleet().ExportAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<TargetStatus> UpdateTargetAsync(TargetDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var service = Service(definition.Id);
        var current = await _retry.RunAsync(service.GetStatusAsync, cancellationToken);
        if (current.Definition is null)
        {
            throw new KeyNotFoundException($"target '{definition.Id}' is not registered");
        }

        return await _retry.RunAsync(() => service.ConfigureAsync(definition), cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveTargetAsync(string target, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(Service(target).RemoveAsync, cancellationToken);

    /// <inheritdoc />
    public Task<TargetStatus> SetPolicyAsync(string target, PolicyDefinition policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return _retry.RunAsync(() => Service(target).SetPolicyAsync(policy), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TargetStatus> RemovePolicyAsync(string target, string policyName, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(() => Service(target).RemovePolicyAsync(policyName), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyDefinition>> GetPoliciesAsync(string target, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(Service(target).GetPoliciesAsync, cancellationToken);

    /// <inheritdoc />
    public Task ReportTelemetryAsync(string target, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        // A copy: the grain method takes its list as immutable, and the caller may reuse theirs after this returns.
        if (samples.Count == 0)
        {
            return Task.CompletedTask;
        }

        // A re-sent sample replaces itself in the windows (same source and timestamp), so a retried report counts once.
        var copy = samples.ToArray();
        return _retry.RunAsync(() => Service(target).IngestAsync(copy), cancellationToken);
    }

    /// <inheritdoc />
    public Task ReportLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        return _retry.RunAsync(() => Service(target).LifecycleAsync(lifecycle), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TargetStatus> GetStatusAsync(string target, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(Service(target).GetStatusAsync, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ListTargetsAsync(CancellationToken cancellationToken = default)
    {
        var directory = await _retry.RunAsync(cluster.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync, cancellationToken);
        return new SortedDictionary<string, string>(directory.Targets.ToDictionary(), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DecisionRecord>> GetRecentDecisionsAsync(string target, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _retry.RunAsync(() => Service(target).GetRecentDecisionsAsync(limit), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TargetTrace> GetTraceAsync(string target, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Service(target).GetTraceAsync(from, to).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<DecisionRecord> ScaleAsync(
        string target, int capacity, string reason, DateTimeOffset? expires = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var request = new ManualScale(capacity, reason, options.Value.ClientName, expires);
        return _retry.RunAsync(() => Service(target).ScaleManuallyAsync(request), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SupervisorStatus> GetSupervisorStatusAsync(string? scope = null, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(Supervisor(scope).GetStatusAsync, cancellationToken);

    /// <inheritdoc />
    public async Task<SupervisorStatus> SetEnabledAsync(bool enabled, string? scope = null, CancellationToken cancellationToken = default)
    {
        var supervisor = Supervisor(scope);
        var status = await _retry.RunAsync(supervisor.GetStatusAsync, cancellationToken);
        return await _retry.RunAsync(() => supervisor.ConfigureAsync(status.Settings with { Enabled = enabled }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> SubscribeAsync(
        string? target, Func<DecisionRecord, Task> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await ScalingEventSubscription.StartAsync(
            cluster, target, handler, options.Value.SubscriptionRenewal, clock, logger, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AlarmStatus> PutAlarmAsync(string name, string definition, CancellationToken cancellationToken = default) =>
        Alarm(name).PutAsync(definition).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AlarmStatus?> GetAlarmAsync(string name, CancellationToken cancellationToken = default) =>
        Alarm(name).GetAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AlarmEntry>> ListAlarmsAsync(CancellationToken cancellationToken = default) =>
        cluster.GetGrain<IAlarmDirectoryGrain>(IAlarmDirectoryGrain.Key).ListAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task DeleteAlarmAsync(string name, CancellationToken cancellationToken = default) =>
        Alarm(name).DeleteAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AlarmStatus> SetAlarmStateAsync(string name, string state, string reason, CancellationToken cancellationToken = default) =>
        Alarm(name).SetStateAsync(state, reason).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AlarmStatus> MuteAlarmAsync(string name, DateTimeOffset until, string reason, CancellationToken cancellationToken = default) =>
        Alarm(name).MuteAsync(new AlarmMute(clock.GetUtcNow(), until, reason, options.Value.ClientName)).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AlarmStatus> UnmuteAlarmAsync(string name, CancellationToken cancellationToken = default) =>
        Alarm(name).UnmuteAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AlarmHistoryPage> GetAlarmHistoryAsync(
        string name, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 100, string? cursor = null, CancellationToken cancellationToken = default) =>
        Alarm(name).GetHistoryAsync(from ?? DateTimeOffset.UnixEpoch, to ?? clock.GetUtcNow().AddDays(1), limit, cursor).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<TargetSizeView> GetSizeAsync(string target, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return cluster.GetGrain<ITargetSizeGrain>(target).GetAsync().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<SizeChangeResult> ChangeSizeAsync(string target, SizeChangeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(request);
        return cluster.GetGrain<ITargetSizeGrain>(target).ChangeAsync(request).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<RecommendationPage> ListCostRecommendationsAsync(RecommendationQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RecommendationQuery();
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, "query.Offset");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, "query.Limit");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, RecommendationQuery.MaxLimit, "query.Limit");
        return _retry.RunAsync(() => Recommendations().ListAsync(query), cancellationToken);
    }

    /// <inheritdoc />
    public Task<RecommendationRecompute> RecomputeCostRecommendationsAsync(CancellationToken cancellationToken = default) =>
        Recommendations().RecomputeAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task<RecommendationResult> ApplyCostRecommendationAsync(string id, string? reason = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Recommendations().ApplyAsync(new RecommendationAction(id, options.Value.ClientName, reason, dryRun)).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<RecommendationResult> DismissCostRecommendationAsync(string id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Recommendations().DismissAsync(new RecommendationAction(id, options.Value.ClientName, reason)).WaitAsync(cancellationToken);
    }

    private IAlarmGrain Alarm(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return cluster.GetGrain<IAlarmGrain>(name);
    }

    private IServiceGrain Service(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return cluster.GetGrain<IServiceGrain>(target);
    }

    private ISupervisorGrain Supervisor(string? scope) => cluster.GetGrain<ISupervisorGrain>(scope ?? DefaultScope);

    private IRecommendationsGrain Recommendations() => cluster.GetGrain<IRecommendationsGrain>(IRecommendationsGrain.FleetKey);

    private IFleetGrain Fleet() => cluster.GetGrain<IFleetGrain>(IFleetGrain.Key);
}
