using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// A scalable target (key: target id). Owns its metric windows, policy set, recent recommendations and scale events
/// (so stabilization, rate limits and cooldowns survive failover), cost ledger and actuator binding. Evaluates on a
/// timer at its interval and at once when a sample pushes it past a scale-out boundary (fast path).
/// </summary>
[Alias("autoscaler.IServiceGrain")]
public interface IServiceGrain : IKeptAlive
{
    /// <summary>Registers the target or updates its definition; throws <see cref="ArgumentException"/> naming the field
    /// on invalid input, leaving the stored definition unchanged.</summary>
    [Alias("Configure")]
    public Task<TargetStatus> ConfigureAsync(TargetDefinition definition);

    /// <summary>Registers or updates the target and, when <see cref="TargetSpec.Policies"/> is given, replaces its whole
    /// policy set, in one state write; throws <see cref="ArgumentException"/> naming the field (<c>max</c>,
    /// <c>policies[1].target.value</c>) on invalid input, leaving the target unchanged.</summary>
    [Alias("Apply")]
    public Task<TargetStatus> ApplyAsync(TargetSpec spec);

    /// <summary>The target's status (<see cref="TargetStatus.Definition"/> is null when it is not registered).</summary>
    [Alias("GetStatus")]
    public Task<TargetStatus> GetStatusAsync();

    /// <summary>Unregisters the target: stops evaluation, forgets policies and windows (history stays in PostgreSQL).</summary>
    [Alias("Remove")]
    public Task RemoveAsync();

    /// <summary>Adds or replaces a policy (engine JSON); throws <see cref="ArgumentException"/> naming the field when invalid.</summary>
    [Alias("SetPolicy")]
    public Task<TargetStatus> SetPolicyAsync(PolicyDefinition policy);

    /// <summary>Removes a policy by name (no error when absent).</summary>
    [Alias("RemovePolicy")]
    public Task<TargetStatus> RemovePolicyAsync(string name);

    /// <summary>The target's policies in evaluation order.</summary>
    [Alias("GetPolicies")]
    public Task<IReadOnlyList<PolicyDefinition>> GetPoliciesAsync();

    /// <summary>
    /// Applies telemetry samples to the windows; evaluates at once when one crosses a scale-out boundary. The list is not
    /// copied on a call inside a silo (ingestion's hot path): callers hand over a list they no longer change.
    /// </summary>
    [Alias("Ingest")]
    public Task IngestAsync([Immutable] IReadOnlyList<TelemetrySample> samples);

    /// <summary>An agent's <c>started</c> / <c>stopped</c> message (agent pools): a stopped agent is not a missing one.</summary>
    [Alias("Lifecycle")]
    public Task LifecycleAsync(AgentLifecycleEvent lifecycle);

    /// <summary>Runs one evaluation now (decide, arbitrate, actuate, record) and returns the decision.</summary>
    [Alias("EvaluateNow")]
    public Task<DecisionRecord> EvaluateNowAsync();

    /// <summary>What the policies would decide now, without acting.</summary>
    [Alias("GetRecommendation")]
    public Task<Recommendation> GetRecommendationAsync();

    /// <summary>Pins capacity until the override expires or is cleared; actuates at once.</summary>
    [Alias("ScaleManually")]
    public Task<DecisionRecord> ScaleManuallyAsync(ManualScale request);

    /// <summary>Clears a manual override; policies take over at the next evaluation.</summary>
    [Alias("ClearOverride")]
    public Task<TargetStatus> ClearOverrideAsync();

    /// <summary>Current window values per metric.</summary>
    [Alias("GetMetrics")]
    public Task<IReadOnlyList<MetricSummary>> GetMetricsAsync();

    /// <summary>The most recent decisions, newest first (the full history is in PostgreSQL).</summary>
    [Alias("GetRecentDecisions")]
    public Task<IReadOnlyList<DecisionRecord>> GetRecentDecisionsAsync(int limit);

    /// <summary>
    /// What the target recorded over [from, to): hourly demand totals per metric, the capacity that ran, its policies
    /// (a backtest input, see <see cref="TargetTraceJson"/>); throws <see cref="ArgumentException"/> when to is not after from.
    /// </summary>
    [Alias("GetTrace")]
    public Task<TargetTrace> GetTraceAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Datapoints of a metric for an alarm: one per period, oldest first, NaN for a period without samples.</summary>
    [Alias("GetAlarmDatapoints")]
    public Task<double[]> GetAlarmDatapointsAsync(AlarmDatapointQuery query);

    /// <summary>Runs an alarm's <c>scale</c> action through the decision protocol (supervisor, write-ahead, actuator,
    /// history); throws <see cref="ArgumentException"/> when the request does not fit the target.</summary>
    [Alias("ScaleForAlarm")]
    public Task<DecisionRecord> ScaleForAlarmAsync(AlarmScaleRequest request);

    /// <summary>The size grain tells the target a size the platform accepted: the cost accrued so far is charged at the
    /// old price, the new size's price applies from now on and is kept in state. Repeating the same change is harmless.</summary>
    [Alias("SizeApplied")]
    public Task<TargetStatus> SizeAppliedAsync(AppliedInstanceSize size);
}
