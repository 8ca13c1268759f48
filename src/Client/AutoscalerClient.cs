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

    private IServiceGrain Service(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return cluster.GetGrain<IServiceGrain>(target);
    }

    private ISupervisorGrain Supervisor(string? scope) => cluster.GetGrain<ISupervisorGrain>(scope ?? DefaultScope);
}
