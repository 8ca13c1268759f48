using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Cost;
using Autoscaler.Scaling.Supervision;
using Autoscaler.Scaling.Windows;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using PortBinding = Autoscaler.Ports.Actuation.ScaleTargetRef;

namespace Autoscaler.Grains.Services;

/// <summary>
/// One scalable target. The decision protocol: the engine evaluates every policy against the windows → the supervisor
/// approves or trims → the decision is written ahead → the actuator applies it → the outcome is recorded, published and
/// appended to history. A failed actuation keeps the last good capacity (rollback) and says so.
/// </summary>
public sealed partial class ServiceGrain(
    [PersistentState("service", GrainStorage.Default)] IPersistentState<ServiceState> state,
    [PersistentState("windows", GrainStorage.Default)] IPersistentState<ServiceWindowsState> windowsState,
    IScaleTargetClientFactory actuators,
    IScalingHistoryStore history,
    IScalingEventSink events,
    TimeProvider clock,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain, IRemindable
{
    /// <summary>Decisions kept in grain state (the full history is in the history store).</summary>
    public const int RecentDecisionCount = 50;

    private const string KeepAliveReminder = "keep-evaluating";
    private static readonly TimeSpan FastPathSpacing = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ActuationTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (string Status, int? Desired)> _lastVotes = new(StringComparer.Ordinal);
    private TargetWindows _windows = new(MetricWindowOptions.Default);
    private PolicySet? _policySet;
    private IGrainTimer? _timer;
    private int _timerSeconds;
    private DateTimeOffset _lastFastPath = DateTimeOffset.MinValue;
    private DateTimeOffset _lastWrite;
    private DateTimeOffset _lastWindowsWrite;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;
    private DecisionRecord? _lastNoChange;
    private string? _id;

    private ServiceState State => state.State;

    /// <summary>The target id, one string for the activation (every decision record and report points to it).</summary>
    private string Id => _id ??= this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DecisionRecordSharing.Share(State, Id);
        if (State.Definition is { } definition)
        {
            _windows = new TargetWindows(WindowOptions(definition));
            if (windowsState.State.Json is { } saved && WindowSetSnapshot.FromJson(saved) is { } snapshot)
            {
                _windows.Restore(snapshot);
            }

            windowsState.State.Json = null;

            _policySet = PolicySetComposer.Compose(definition, State.Policies, State.Override);
            StartTimer(definition);
            if (State.Pending is { } pending)
            {
                await ResolvePendingAsync(pending, cancellationToken);
            }
        }

        _lastWrite = clock.GetUtcNow();
    }

    public async Task<TargetStatus> ConfigureAsync(TargetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        TargetDefinitionValidator.Validate(Id, definition);
        definition = definition with { Flags = definition.Flags ?? new ScalingFlags() };
        var set = PolicySetComposer.Compose(definition, State.Policies, State.Override);
        var now = clock.GetUtcNow();
        var previous = State.Definition;
        if (previous is null)
        {
            State.Current = Math.Clamp(definition.InitialCapacity, definition.Min, definition.Max);
            State.Cost = CostLedger.StartingAt(now);

            // As the engine contract says of a target seen for the first time: its capacity counts as a recommendation now,
            // so a scale-down stabilization window starts full rather than empty.
            State.History = new ScalingHistory([new Scaling.Recommendation(now, State.Current)], []);
        }
        else
        {
            AccrueCost(now);
        }

        if (previous?.AgentPool?.StalenessSeconds != definition.AgentPool?.StalenessSeconds || previous is null)
        {
            _windows = new TargetWindows(WindowOptions(definition));
        }

        State.Definition = definition;
        _policySet = set;
        await WriteStateAsync();
        _lastWrite = now;
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await GrainFactory.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).AddAsync(Id, definition.Scope);
        StartTimer(definition);
        await ReportToSupervisorAsync(now);
        return Status(now);
    }

    public async Task<TargetStatus> GetStatusAsync()
    {
        var status = Status(clock.GetUtcNow());
        if (State.Definition?.AgentPool is not { } pool)
        {
            return status;
        }

        // Cost per agent-hour (seed 000: under $0.10): the month's cost over the pool's active agent-hours.
        var agents = await GrainFactory.GetGrain<IAgentPoolGrain>(Id).GetStatusAsync(pool.StalenessSeconds);
        var perAgentHour = agents.AgentHoursThisMonth > 0 ? Math.Round(status.Cost.Month / (decimal)agents.AgentHoursThisMonth, 4) : (decimal?)null;
        return status with { Cost = status.Cost with { CostPerAgentHour = perAgentHour } };
    }

    public async Task RemoveAsync()
    {
        if (State.Definition is not { } definition)
        {
            return;
        }

        foreach (var policy in State.Policies)
        {
            await GrainFactory.GetGrain<IPolicyGrain>($"{Id}/{policy.Name}").DeleteAsync();
        }

        await Supervisor(definition).UnregisterAsync(Id);
        await GrainFactory.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).RemoveAsync(Id);
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
        state.State = new ServiceState();
        _policySet = null;
        DeactivateOnIdle();
    }

    public async Task<TargetStatus> SetPolicyAsync(PolicyDefinition policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var definition = Registered();
        if (string.IsNullOrWhiteSpace(policy.Name) || policy.Name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("policy.name: must be non-empty and must not contain '/'");
        }

        PolicySetComposer.ValidatePolicy(definition, State.Policies, policy);
        var index = State.Policies.FindIndex(p => p.Name == policy.Name);
        if (index >= 0)
        {
            State.Policies[index] = policy;
        }
        else
        {
            State.Policies.Add(policy);
        }

        _policySet = PolicySetComposer.Compose(definition, State.Policies, State.Override);
        await GrainFactory.GetGrain<IPolicyGrain>($"{Id}/{policy.Name}").SetAsync(policy);
        await WriteStateAsync();
        return Status(clock.GetUtcNow());
    }

    public async Task<TargetStatus> RemovePolicyAsync(string name)
    {
        var definition = Registered();
        if (State.Policies.RemoveAll(p => p.Name == name) > 0)
        {
            _policySet = PolicySetComposer.Compose(definition, State.Policies, State.Override);
            await GrainFactory.GetGrain<IPolicyGrain>($"{Id}/{name}").DeleteAsync();
            await WriteStateAsync();
        }

        return Status(clock.GetUtcNow());
    }

    public Task<IReadOnlyList<PolicyDefinition>> GetPoliciesAsync() => Task.FromResult<IReadOnlyList<PolicyDefinition>>([.. State.Policies]);

    public async Task IngestAsync(IReadOnlyList<TelemetryPoint> points)
    {
        var definition = Registered();
        foreach (var point in points)
        {
            _windows.Record(point);
        }

        var now = clock.GetUtcNow();
        if (definition.AgentPool is { } pool)
        {
            var derived = await GrainFactory.GetGrain<IAgentPoolGrain>(Id).ObserveAsync(points, pool.StalenessSeconds);
            foreach (var (metric, value) in derived)
            {
                _windows.RecordAggregate(metric, now, value);
            }
        }

        if (now - _lastFastPath >= FastPathSpacing)
        {
            _lastFastPath = now;
            await EvaluateAsync("fast-path", scaleOutOnly: true);
        }
    }

    public async Task LifecycleAsync(AgentLifecycle message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Registered();
        await GrainFactory.GetGrain<IAgentPoolGrain>(Id).LifecycleAsync(message);
        if (message.Event == AgentLifecycle.Stopped)
        {
            _windows.RemoveInstance(message.Source);
        }
    }

    public async Task<DecisionRecord> EvaluateNowAsync()
    {
        Registered();
        return await EvaluateAsync("api", scaleOutOnly: false);
    }

    public Task<Interfaces.Recommendation> GetRecommendationAsync()
    {
        Registered();
        var now = clock.GetUtcNow();
        var evaluation = ScratchEvaluator.Current.Evaluate(Request(now));
        var confidenceSum = 0.0;
        var voting = 0;
        foreach (var proposal in evaluation.Proposals)
        {
            if (proposal.Desired is not null)
            {
                confidenceSum += proposal.Confidence;
                voting++;
            }
        }

        var confidence = voting == 0 ? 0 : confidenceSum / voting;
        var priority = evaluation.Desired > State.Current ? "high" : evaluation.Desired < State.Current ? "medium" : "low";
        return Task.FromResult(new Interfaces.Recommendation(
            Id, State.Current, evaluation.Desired, Math.Round(confidence, 3), priority, evaluation.LimitedBy?.ToString(),
            evaluation.Explanation.ToLines()));
    }

    public async Task<DecisionRecord> ScaleManuallyAsync(ManualScale request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = Registered();
        var now = clock.GetUtcNow();
        if (request.Capacity < definition.Min || request.Capacity > definition.Max)
        {
            throw new ArgumentException($"capacity: must be between min {definition.Min} and max {definition.Max}");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ArgumentException("reason: is required");
        }

        if (request.Expires is { } expires && expires <= now)
        {
            throw new ArgumentException("expires: must be in the future");
        }

        State.Override = request;
        _policySet = PolicySetComposer.Compose(definition, State.Policies, State.Override);
        await WriteStateAsync();
        return await EvaluateAsync("manual", scaleOutOnly: false);
    }

    public async Task<TargetStatus> ClearOverrideAsync()
    {
        var definition = Registered();
        State.Override = null;
        _policySet = PolicySetComposer.Compose(definition, State.Policies, null);
        await WriteStateAsync();
        return Status(clock.GetUtcNow());
    }

    public Task<IReadOnlyList<MetricSummary>> GetMetricsAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<MetricSummary>>(
            [.. _windows.Metrics.Order(StringComparer.Ordinal).Select(metric => _windows.Summarize(metric, now))]);
    }

    public Task<IReadOnlyList<DecisionRecord>> GetRecentDecisionsAsync(int limit) =>
        Task.FromResult<IReadOnlyList<DecisionRecord>>([.. State.RecentDecisions.Take(Math.Clamp(limit, 1, RecentDecisionCount))]);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        // Activation (which starts the evaluation timer) is the point: the reminder brings the target back after its silo is lost.
        Task.CompletedTask;

    private async Task<DecisionRecord> EvaluateAsync(string trigger, bool scaleOutOnly)
    {
        var definition = State.Definition!;
        var now = clock.GetUtcNow();
        AccrueCost(now);
        // The thread's evaluator reuses its buffers: a no-change evaluation (most of them, and every quiet fast path)
        // renders only what it keeps; a change renders its decision before the first await.
        var evaluation = ScratchEvaluator.Current.Evaluate(Request(now));
        RecordVotes(evaluation, now);
        var from = State.Current;
        if (evaluation.Desired == from || (scaleOutOnly && evaluation.Desired < from))
        {
            if (!scaleOutOnly)
            {
                State.History = evaluation.NextHistory();
                State.LastEvaluation = now;
                _lastNoChange = new DecisionRecord(
                    $"{Id}-eval", Id, now, DecisionRecords.NoChange, from, from, ActorOf(evaluation.LimitedBy, evaluation.DrivenBy), false,
                    evaluation.LimitedBy?.ToString(), evaluation.Explanation.ToLines(), trigger);
                await MaintainAsync(now);
            }

            return _lastNoChange ?? new DecisionRecord($"{Id}-eval", Id, now, DecisionRecords.NoChange, from, from, "none", false, null, [], trigger);
        }

        var decision = evaluation.ToDecision();
        State.LastEvaluation = now;
        var approval = await Supervisor(definition).RequestCapacityAsync(
            new CapacityRequest(Id, from, decision.Desired, definition.Priority, definition.UnitCostPerHour));
        var to = decision.Desired > from ? approval.Grant.Granted : decision.Desired;
        var explanation = approval.Grant.Trimmed
            ? [.. decision.Explanation, $"supervisor: {approval.Grant.Explanation}"]
            : decision.Explanation;
        var flags = definition.Flags ?? new ScalingFlags();
        var mayActuate = approval.MayActuate && flags.Enabled && !flags.DryRun;
        var decided = DecisionRecordSharing.ForKeeping(new DecisionRecord(
            $"{Id}-{++State.DecisionSequence}",
            Id,
            now,
            trigger == "manual" ? DecisionRecords.Manual : DecisionRecords.Decision,
            from,
            to,
            decision.LimitedBy == LimitReason.ManualOverride && State.Override is { } manual ? $"manual:{manual.Actor}" : ActorOf(decision.LimitedBy, decision.DrivenBy),
            DryRun: !mayActuate,
            approval.Grant.LimitedBy ?? decision.LimitedBy?.ToString(),
            WithReason(explanation, approval, flags),
            trigger), State.RecentDecisions);

        if (to == from || !mayActuate)
        {
            State.History = decision.HistoryIfNotApplied;
            await RecordAsync(decided, outcome: to == from ? "trimmed" : "not-actuated", publish: to != from);
            await WriteStateAsync();
            _lastWrite = now;
            return decided;
        }

        // Write-ahead: the decision is durable before the actuator sees it; its history row and event go out while the
        // actuator works, so neither sits on the reaction path.
        State.Pending = decided;
        Remember(decided);
        await WriteStateAsync();
        var reported = ReportAsync(decided, outcome: "pending", publish: true);
        var result = await ActuateAsync(definition, decided);
        await reported;
        return await CompleteAsync(decided, result, decision);
    }

    private async Task<DecisionRecord> CompleteAsync(DecisionRecord decided, ScaleTargetResult result, ScalingDecision? decision)
    {
        var definition = State.Definition!;
        var now = clock.GetUtcNow();
        var duration = (now - decided.At).TotalMilliseconds;
        State.Pending = null;
        DecisionRecord outcome;
        if (result.Succeeded)
        {
            var before = State.History;
            State.Current = decided.To;
            State.Observed = result.Capacity?.Desired;
            State.LastScaling = decided.At;
            State.ConsecutiveFailures = 0;
            if (decision is not null && _policySet is not null)
            {
                State.History = HistoryKeeper.Next(before, _policySet, decided.At, decision.Recommendation, decided.To - decided.From,
                    decision.DrivenBy, decision.EvaluationsWithoutData, decision.LastActiveAt);
            }
            else
            {
                // Resolved after a failover: the engine's decision is gone, but its scale event still counts for cooldowns
                // and rate limits.
                var policy = decided.Actor.StartsWith("policy:", StringComparison.Ordinal) ? decided.Actor["policy:".Length..] : null;
                State.History = before with { ScaleEvents = [.. before.ScaleEvents, new ScaleEvent(decided.At, decided.To - decided.From, policy)] };
            }

            outcome = decided with { Kind = DecisionRecords.Actuated, At = now, DurationMs = duration, DryRun = false };
            await RecordAsync(outcome, "succeeded", publish: true);
            LogScaled(logger, Id, decided.From, decided.To, decided.Actor, decided.Trigger);
        }
        else
        {
            State.ConsecutiveFailures++;
            if (decision is not null)
            {
                State.History = decision.HistoryIfNotApplied;
            }

            var failure = $"actuator {definition.Actuator.Kind}: {result.ErrorKind} after {result.Attempts} attempt(s): {result.Message}";
            outcome = decided with { Kind = DecisionRecords.Failed, At = now, DurationMs = duration, Explanation = [.. decided.Explanation, failure] };
            await RecordAsync(outcome, "failed", publish: true);
            var rolledBack = decided with
            {
                Kind = DecisionRecords.RolledBack,
                At = now,
                To = decided.From,
                DurationMs = duration,
                Explanation = [failure, $"kept the last good capacity {decided.From}"],
            };
            await RecordAsync(rolledBack, "rolled-back", publish: true);
            LogActuationFailed(logger, Id, decided.Id, failure);
        }

        await WriteStateAsync();
        _lastWrite = now;
        await ReportToSupervisorAsync(now);
        await SaveWindowsIfDueAsync(now);
        return outcome;
    }

    private async Task<ScaleTargetResult> ActuateAsync(TargetDefinition definition, DecisionRecord decided)
    {
        try
        {
            var binding = BindingOf(Id, definition);
            using var timeout = new CancellationTokenSource(ActuationTimeout);
            return await actuators.GetClient(binding).SetDesiredCapacityAsync(binding, new DesiredCapacityRequest(decided.Id, decided.To), timeout.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, $"{error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>Asks the actuator what capacity the target has; a throwing client reads as a transient failure.</summary>
    private async Task<ScaleTargetResult> ReadCapacityAsync(CancellationToken cancellationToken)
    {
        try
        {
            var binding = BindingOf(Id, State.Definition!);
            return await actuators.GetClient(binding).GetCapacityAsync(binding, cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, error.Message);
        }
    }

    /// <summary>After a crash between write-ahead and outcome: the actuator says whether the decision took effect.</summary>
    private async Task ResolvePendingAsync(DecisionRecord pending, CancellationToken cancellationToken)
    {
        var observed = await ReadCapacityAsync(cancellationToken);

        var applied = observed.Succeeded && observed.Capacity?.Desired == pending.To;
        await CompleteAsync(
            pending,
            applied ? observed : ScaleTargetResult.Failure(observed.ErrorKind ?? ScaleTargetErrorKind.Transient, "not applied before the silo was lost"),
            decision: null);
    }

    private EvaluationRequest Request(DateTimeOffset now)
    {
        var definition = State.Definition!;
        return new EvaluationRequest(now, new ScaleTarget(State.Current, definition.Min, definition.Max), _windows.Readings(now), _policySet!)
        {
            History = State.History,
            Query = _windows.Query,
        };
    }

    private Task RecordAsync(DecisionRecord record, string outcome, bool publish)
    {
        Remember(record);
        return ReportAsync(record, outcome, publish);
    }

    /// <summary>Keeps the record in grain state (recent decisions; the idempotence record).</summary>
    private void Remember(DecisionRecord record)
    {
        State.RecentDecisions.Insert(0, DecisionRecordSharing.ForKeeping(record, State.RecentDecisions));
        if (State.RecentDecisions.Count > RecentDecisionCount)
        {
            State.RecentDecisions.RemoveRange(RecentDecisionCount, State.RecentDecisions.Count - RecentDecisionCount);
        }
    }

    /// <summary>Appends the record to history and publishes it; losing either never stops scaling.</summary>
    private async Task ReportAsync(DecisionRecord record, string outcome, bool publish)
    {
        try
        {
            await history.AppendAsync(DecisionRecords.ToHistory(record, outcome));
            if (publish)
            {
                await events.PublishAsync(DecisionRecords.ToEvent(record), CancellationToken.None);
                GrainFactory.GetGrain<IScalingEventHubGrain>(IScalingEventHubGrain.Key).PublishAsync(record).Ignore();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogRecordFailed(logger, Id, record.Id, error.Message);
        }
    }

    private void RecordVotes(ScalingEvaluation evaluation, DateTimeOffset now)
    {
        var proposals = evaluation.Proposals;
        for (var i = 0; i < proposals.Length; i++)
        {
            var proposal = proposals[i];
            var status = proposal.Status.ToString();
            if (_lastVotes.TryGetValue(proposal.Policy, out var last) && last == (status, proposal.Desired))
            {
                continue;
            }

            _lastVotes[proposal.Policy] = (status, proposal.Desired);
            var vote = new PolicyVote(now, status, proposal.Desired, proposal.MetricValue, proposal.Confidence, evaluation.Explanation.LineText(i));
            GrainFactory.GetGrain<IPolicyGrain>($"{Id}/{proposal.Policy}").RecordVoteAsync(vote).Ignore();
        }
    }

    private async Task MaintainAsync(DateTimeOffset now)
    {
        if (now - _lastWrite >= WriteInterval)
        {
            await WriteStateAsync();
            _lastWrite = now;
        }

        if (now - _lastReport >= ReportInterval)
        {
            await ReportToSupervisorAsync(now);
            await ObserveAsync();
        }
    }

    /// <summary>Reads the actuator back: capacity changed behind our back (or an apply that did not stick) shows as drift.</summary>
    private async Task ObserveAsync()
    {
        using var timeout = new CancellationTokenSource(ActuationTimeout);
        var observed = await ReadCapacityAsync(timeout.Token);

        if (observed is { Succeeded: true, Capacity: { } capacity })
        {
            State.Observed = capacity.Desired;
            if (capacity.Desired != State.Current)
            {
                LogDrift(logger, Id, State.Current, capacity.Desired);
            }
        }
    }

    /// <summary>Writes the decision state (small; on every decision, before actuation).</summary>
    private Task WriteStateAsync() => state.WriteStateAsync();

    /// <summary>Saves the windows at most every <see cref="WriteInterval"/>, so a reactivation elsewhere resumes with them.</summary>
    private async Task SaveWindowsIfDueAsync(DateTimeOffset now)
    {
        if (now - _lastWindowsWrite < WriteInterval)
        {
            return;
        }

        _lastWindowsWrite = now;
        windowsState.State.Json = _windows.Snapshot().ToJson();
        try
        {
            await windowsState.WriteStateAsync();
        }
        finally
        {
            // The live windows are the truth between writes; holding their JSON too would double their memory.
            windowsState.State.Json = null;
        }
    }

    private async Task ReportToSupervisorAsync(DateTimeOffset now)
    {
        var definition = State.Definition!;
        _lastReport = now;
        var forecast = Money(State.Cost?.ForecastMonthEnd(now, State.Current, definition.UnitCostPerHour) ?? 0m);
        await Supervisor(definition).ReportAsync(new TargetCapacityReport(Id, State.Current, definition.Priority, definition.UnitCostPerHour, forecast));
    }

    private void AccrueCost(DateTimeOffset now)
    {
        if (State.Definition is { } definition)
        {
            State.Cost = (State.Cost ?? CostLedger.StartingAt(now)).AccrueUntil(now, State.Current, definition.UnitCostPerHour);
        }
    }

    private void StartTimer(TargetDefinition definition)
    {
        if (_timer is not null && _timerSeconds == definition.EvaluationIntervalSeconds)
        {
            return;
        }

        _timer?.Dispose();
        _timerSeconds = definition.EvaluationIntervalSeconds;
        var period = TimeSpan.FromSeconds(definition.EvaluationIntervalSeconds);
        _timer = this.RegisterGrainTimer(
            static (grain, _) => grain.OnTimerAsync(),
            this,
            new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = false, KeepAlive = true });
    }

    private async Task OnTimerAsync()
    {
        if (State.Definition is not null && State.Pending is null)
        {
            await EvaluateAsync("timer", scaleOutOnly: false);
            await SaveWindowsIfDueAsync(clock.GetUtcNow());
        }
    }

    private TargetStatus Status(DateTimeOffset now)
    {
        var definition = State.Definition;
        var cost = CostReportOf(now);
        // The latest decision that changed (or would have changed) capacity; a no-change evaluation only until there is one.
        var lastDecision = State.RecentDecisions.FirstOrDefault() ?? _lastNoChange;
        var flags = definition?.Flags ?? new ScalingFlags();
        var status = definition is null ? "unregistered"
            : !flags.Enabled ? "disabled"
            : flags.DryRun ? "dry-run"
            : State.ConsecutiveFailures > 0 ? "failing"
            : State.Pending is not null ? "scaling"
            : "idle";
        var drift = State.Observed is { } observed && observed != State.Current ? observed - State.Current : (int?)null;
        return new TargetStatus(definition, State.Current, State.Observed, drift, [.. State.Policies.Select(p => p.Name)], lastDecision,
            State.LastEvaluation, State.LastScaling, State.Override, cost, status);
    }

    private CostReport CostReportOf(DateTimeOffset now)
    {
        var price = State.Definition?.UnitCostPerHour ?? 0m;
        var ledger = (State.Cost ?? CostLedger.StartingAt(now)).AccrueUntil(now, State.Current, price);
        return new CostReport(price, Money(ledger.Hour.Cost), Money(ledger.Day.Cost), Money(ledger.Month.Cost),
            Money(ledger.ForecastMonthEnd(now, State.Current, price)), Math.Round(ledger.Month.CapacityHours, 4), CostPerAgentHour: null);
    }

    /// <summary>Money is reported to the cent's hundredth; the ledger keeps full precision.</summary>
    private static decimal Money(decimal amount) => Math.Round(amount, 4, MidpointRounding.AwayFromZero);

    private TargetDefinition Registered() =>
        State.Definition ?? throw new InvalidOperationException($"target '{Id}' is not registered");

    private ISupervisorGrain Supervisor(TargetDefinition definition) => GrainFactory.GetGrain<ISupervisorGrain>(definition.Scope);

    private static PortBinding BindingOf(string id, TargetDefinition definition) =>
        PortBinding.Create(id, Enum.Parse<ActuatorKind>(definition.Actuator.Kind, ignoreCase: true), definition.Actuator.Settings);

    private static MetricWindowOptions WindowOptions(TargetDefinition definition) =>
        definition.AgentPool is { } pool
            ? MetricWindowOptions.Default with { StalenessLimit = TimeSpan.FromSeconds(pool.StalenessSeconds) }
            : MetricWindowOptions.Default;

    private static string ActorOf(LimitReason? limitedBy, string? drivenBy) =>
        limitedBy == LimitReason.ManualOverride ? "manual"
        : drivenBy is { } policy ? $"policy:{policy}"
        : limitedBy == LimitReason.NoData ? "fallback"
        : "engine";

    private static IReadOnlyList<string> WithReason(IReadOnlyList<string> explanation, ScaleApproval approval, ScalingFlags flags)
    {
        var reason = !approval.Enabled ? "not applied: scaling is disabled for the scope"
            : !flags.Enabled ? "not applied: the target is disabled"
            : approval.DryRun || flags.DryRun ? "not applied: dry-run"
            : null;
        return reason is null ? explanation : [.. explanation, reason];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} drifted: {Current} decided, the actuator reports {Observed}")]
    private static partial void LogDrift(ILogger logger, string target, int current, int observed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target} scaled {From} -> {To} ({Actor}, {Trigger})")]
    private static partial void LogScaled(ILogger logger, string target, int from, int to, string actor, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: decision {Decision} failed and was rolled back: {Failure}")]
    private static partial void LogActuationFailed(ILogger logger, string target, string decision, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: decision {Decision} could not be recorded or published: {Error}")]
    private static partial void LogRecordFailed(ILogger logger, string target, string decision, string error);
}
