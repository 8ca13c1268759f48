using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Client;

/// <summary>The Autoscaler control plane as seen by an application: targets, policies, telemetry, manual scaling,
/// switches and scaling events. Invalid input surfaces as the grains' <see cref="ArgumentException"/> naming the field.</summary>
public interface IAutoscalerClient
{
    /// <summary>Registers a target, or replaces its definition when it exists.</summary>
    public Task<TargetStatus> RegisterTargetAsync(TargetDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Replaces the definition of a registered target; <see cref="KeyNotFoundException"/> when it is not registered.</summary>
    public Task<TargetStatus> UpdateTargetAsync(TargetDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Registers or updates many targets, each with its whole policy set when given, in one call: validated
    /// together first (nothing changes when one is invalid: <see cref="FleetResult.Errors"/> names <c>targets[i].field</c>),
    /// then applied inside the cluster; unchanged targets are not written.</summary>
    public Task<FleetResult> RegisterTargetsAsync(IReadOnlyList<TargetSpec> targets, CancellationToken cancellationToken = default);

    /// <summary>Applies a declared fleet (targets, scope limits; optionally pruning the targets it does not name), or with
    /// <see cref="FleetSpec.DryRun"/> only reports what would change.</summary>
    public Task<FleetResult> ApplyFleetAsync(FleetSpec fleet, CancellationToken cancellationToken = default);

    /// <summary>Every registered target with its policies and every scope's limits, as a spec that applies back.</summary>
    public Task<FleetSpec> ExportFleetAsync(CancellationToken cancellationToken = default);

    /// <summary>Unregisters a target (its history stays).</summary>
    public Task RemoveTargetAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a policy of a target (engine JSON in <see cref="PolicyDefinition.Json"/>).</summary>
    public Task<TargetStatus> SetPolicyAsync(string target, PolicyDefinition policy, CancellationToken cancellationToken = default);

    /// <summary>Removes a policy by name (no error when absent).</summary>
    public Task<TargetStatus> RemovePolicyAsync(string target, string policyName, CancellationToken cancellationToken = default);

    /// <summary>A target's policies in evaluation order.</summary>
    public Task<IReadOnlyList<PolicyDefinition>> GetPoliciesAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Reports samples of a target's instances; a sample crossing a scale-out boundary triggers evaluation at once.</summary>
    public Task ReportTelemetryAsync(string target, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken = default);

    /// <summary>Reports an agent's <c>started</c> or <c>stopped</c> event (agent pools).</summary>
    public Task ReportLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken = default);

    /// <summary>A target's status (<see cref="TargetStatus.Definition"/> null when not registered).</summary>
    public Task<TargetStatus> GetStatusAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Every registered target id with its supervisor scope, sorted by id.</summary>
    public Task<IReadOnlyDictionary<string, string>> ListTargetsAsync(CancellationToken cancellationToken = default);

    /// <summary>A target's most recent decisions, newest first.</summary>
    public Task<IReadOnlyList<DecisionRecord>> GetRecentDecisionsAsync(string target, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>
    /// What a target recorded over [<paramref name="from"/>, <paramref name="to"/>): hourly demand per metric, the capacity
    /// that ran and its policies. <see cref="TargetTraceJson.Write"/> turns it into a demand-mode <c>simulate</c> input
    /// (the same document as <c>GET /targets/{id}/trace</c> and <c>autoscaler trace export</c>).
    /// </summary>
    public Task<TargetTrace> GetTraceAsync(string target, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Pins a target's capacity (actuated at once) until <paramref name="expires"/> or until cleared.</summary>
    public Task<DecisionRecord> ScaleAsync(string target, int capacity, string reason, DateTimeOffset? expires = null, CancellationToken cancellationToken = default);

    /// <summary>A supervisor scope's switches, targets and usage (<paramref name="scope"/> null: <c>default</c>).</summary>
    public Task<SupervisorStatus> GetSupervisorStatusAsync(string? scope = null, CancellationToken cancellationToken = default);

    /// <summary>Turns automatic scaling on or off for a whole scope (<paramref name="scope"/> null: <c>default</c>).</summary>
    public Task<SupervisorStatus> SetEnabledAsync(bool enabled, string? scope = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for every scaling event of <paramref name="target"/> (null: all targets)
    /// until the returned subscription is disposed. The subscription renews itself in the background.</summary>
    public Task<IAsyncDisposable> SubscribeAsync(string? target, Func<DecisionRecord, Task> handler, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an alarm from its JSON definition (docs/contracts/alarms.md); invalid definitions throw
    /// <see cref="ArgumentException"/> naming the field.</summary>
    public Task<AlarmStatus> PutAlarmAsync(string name, string definition, CancellationToken cancellationToken = default);

    /// <summary>An alarm, or null when it does not exist.</summary>
    public Task<AlarmStatus?> GetAlarmAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every alarm's entry (name, target, what a composite watches), by name.</summary>
    public Task<IReadOnlyList<AlarmEntry>> ListAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes an alarm; <see cref="InvalidOperationException"/> while a composite watches it.</summary>
    public Task DeleteAlarmAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets an alarm's state until its next evaluation, running the transition's actions (CloudWatch's SetAlarmState).</summary>
    public Task<AlarmStatus> SetAlarmStateAsync(string name, string state, string reason, CancellationToken cancellationToken = default);

    /// <summary>Mutes an alarm's actions until <paramref name="until"/>.</summary>
    public Task<AlarmStatus> MuteAlarmAsync(string name, DateTimeOffset until, string reason, CancellationToken cancellationToken = default);

    /// <summary>Removes every mute window of an alarm.</summary>
    public Task<AlarmStatus> UnmuteAlarmAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A page of an alarm's history (state changes and action outcomes), newest first.</summary>
    public Task<AlarmHistoryPage> GetAlarmHistoryAsync(
        string name, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 100, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>The size each replica of <paramref name="target"/> runs at (applied, else configured, else unknown).</summary>
    public Task<TargetSizeView> GetSizeAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Changes (or, with <see cref="SizeChangeRequest.DryRun"/>, only checks) the size of <paramref name="target"/>'s
    /// replicas through its actuator; the result says whether it was applied, invalid (naming the field), not supported or failed.</summary>
    public Task<SizeChangeResult> ChangeSizeAsync(string target, SizeChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>One page of cost recommendation records (right-size, schedule, commitment, Spot), newest first, and how
    /// many match in all; optionally one target's and one state's (<c>open</c>, <c>applied</c>, <c>dismissed</c>,
    /// <c>superseded</c>). <see cref="RecommendationQuery.Limit"/> is at most <see cref="RecommendationQuery.MaxLimit"/>.</summary>
    public Task<RecommendationPage> ListCostRecommendationsAsync(RecommendationQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every target's cost recommendations now (minutes for a large fleet); returns what changed, in
    /// counts: list the records page by page.</summary>
    public Task<RecommendationRecompute> RecomputeCostRecommendationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies an open cost recommendation (a size change, a scheduled policy, or a recorded purchase); a dry run
    /// only explains. The outcome says whether it was applied; the record stays open unless it was.</summary>
    public Task<RecommendationResult> ApplyCostRecommendationAsync(string id, string? reason = null, bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>Dismisses an open cost recommendation, saying why.</summary>
    public Task<RecommendationResult> DismissCostRecommendationAsync(string id, string reason, CancellationToken cancellationToken = default);
}
