using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Cost;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Windows;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services;

/// <summary>
/// One target as its grain holds it between writes: registration, policies, capacity, the engine's history, cost, kept
/// decisions and the metric windows, in the engine's own types. <see cref="State.ServiceStateMapping"/> turns it into
/// the persisted <see cref="State.ServiceState"/> and back. No I/O and no clock: time is an argument.
/// </summary>
internal sealed class LiveTarget(string id, TargetTelemetryLimits? limits = null)
{
    /// <summary>Decisions kept in memory and state (the full history is in the history store).</summary>
    public const int RecentDecisionCount = 50;

    /// <summary>The target id, one string for every record the target makes.</summary>
    public string Id { get; } = id;

    /// <summary>How much telemetry the target may hold, and where refusals are counted.</summary>
    public TargetTelemetryLimits Limits { get; } = limits ?? TargetTelemetryLimits.Default;

    public TargetDefinition? Definition { get; set; }

    public List<PolicyDefinition> Policies { get; set; } = [];

    public ManualScale? Override { get; set; }

    /// <summary>The engine's policy set composed from <see cref="Definition"/>, <see cref="Policies"/> and <see cref="Override"/>.</summary>
    public PolicySet? PolicySet { get; set; }

    public int Current { get; set; }

    public int? Observed { get; set; }

    public ScalingHistory History { get; set; } = ScalingHistory.Empty;

    public CostLedger? Cost { get; set; }

    /// <summary>The size the size grain last reported as applied (persisted); null before the first change.</summary>
    public AppliedInstanceSize? AppliedSize { get; set; }

    /// <summary>The sized price in effect (derived from the size at activation and on a change, not persisted); null
    /// while the target is priced by its unit price.</summary>
    public InstancePrice? Price { get; set; }

    /// <summary>What one running instance costs per hour now: the sized price, else the definition's unit price.</summary>
    public decimal InstanceHourPrice => Price?.HourlyPrice ?? Definition?.UnitCostPerHour ?? 0m;

    /// <summary>Newest first, at most <see cref="RecentDecisionCount"/>; also the idempotence record.</summary>
    public List<DecisionRecord> RecentDecisions { get; set; } = [];

    public long DecisionSequence { get; set; }

    public DateTimeOffset? LastEvaluation { get; set; }

    public DateTimeOffset? LastScaling { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>The decision written ahead of its actuation and not yet resolved.</summary>
    public DecisionRecord? Pending { get; set; }

    /// <summary>The latest evaluation that changed nothing (not persisted).</summary>
    public DecisionRecord? LastNoChange { get; set; }

    /// <summary>History rows (with their outcome) written to state and not yet stored in the history store, oldest first.</summary>
    public List<DecisionRecord> HistoryOutbox { get; set; } = [];

    /// <summary>After an actuation failure: the earliest time the actuator is tried again.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Since when the actuator has reported another capacity than <see cref="Current"/>.</summary>
    public DateTimeOffset? DriftSince { get; set; }

    /// <summary>True once the current drift passed the limit and was flagged.</summary>
    public bool DriftFlagged { get; set; }

    public TargetWindows Windows { get; set; } = new(MetricWindowOptions.Default);

    /// <summary>The definition; throws when the target is not registered.</summary>
    public TargetDefinition Registered =>
        Definition ?? throw new InvalidOperationException($"target '{Id}' is not registered");

    /// <summary>
    /// Registers or updates (flags default to all-on): a new target starts at its initial capacity with a full stabilization
    /// memory. The policy set is composed first, so a definition the engine rejects changes nothing. Returns what was stored.
    /// </summary>
    public TargetDefinition Register(TargetDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition = definition with { Flags = definition.Flags ?? new ScalingFlags() };
        var policySet = PolicySetComposer.Compose(definition, Policies, Override);
        var previous = Definition;
        if (previous is null)
        {
            Current = Math.Clamp(definition.InitialCapacity, definition.Min, definition.Max);
            Cost = CostLedger.StartingAt(now);

            // As the engine contract says of a target seen for the first time: its capacity counts as a recommendation now,
            // so a scale-down stabilization window starts full rather than empty.
            History = new ScalingHistory([new TimestampedRecommendation(now, Current)], []);
        }
        else
        {
            AccrueCost(now);
        }

        if (previous is null || previous.AgentPool?.StalenessSeconds != definition.AgentPool?.StalenessSeconds)
        {
            Windows = NewWindows(definition);
        }

        Definition = definition;
        PolicySet = policySet;
        return definition;
    }

    /// <summary>Rebuilds <see cref="PolicySet"/> after a policy or override change.</summary>
    public void Recompose() => PolicySet = PolicySetComposer.Compose(Registered, Policies, Override);

    /// <summary>Accrues cost at the current capacity and the instance price in effect up to <paramref name="now"/>.</summary>
    public void AccrueCost(DateTimeOffset now)
    {
        if (Definition is not null)
        {
            Cost = (Cost ?? CostLedger.StartingAt(now)).AccrueUntil(now, Current, InstanceHourPrice);
        }
    }

    /// <summary>Keeps <paramref name="record"/> as the newest recent decision.</summary>
    public void Remember(DecisionRecord record)
    {
        RecentDecisions.Insert(0, DecisionRecordSharing.ForKeeping(record, RecentDecisions));
        if (RecentDecisions.Count > RecentDecisionCount)
        {
            RecentDecisions.RemoveRange(RecentDecisionCount, RecentDecisions.Count - RecentDecisionCount);
        }
    }

    /// <summary>Drops redelivered duplicates (when the limits ask for it); in memory only, rebuilt empty on activation.</summary>
    public DuplicateSampleFilter? Duplicates { get; private set; }

    /// <summary>Records telemetry into the windows; values past the target's limits are refused and counted, a sample the
    /// duplicate filter recognises is dropped.</summary>
    public void Record(IReadOnlyList<TelemetrySample> samples)
    {
        var refused = default(RefusedValues);
        if (Duplicates is null && Limits.DuplicateFilterSize > 0)
        {
            Duplicates = new DuplicateSampleFilter(Limits.DuplicateFilterSize);
        }

        foreach (var sample in samples)
        {
            if (Duplicates is null || Duplicates.Admit(sample.Source, sample.Timestamp.UtcTicks, sample.Metrics))
            {
                Windows.Record(sample, ref refused);
            }
        }

        Limits.Refused(Id, TelemetryLimit.MetricsPerTarget, refused.Metrics);
        Limits.Refused(Id, TelemetryLimit.InstancesPerTarget, refused.Instances);
    }

    /// <summary>Records target-level values (a pool's derived metrics) at <paramref name="now"/>.</summary>
    public void RecordAggregates(IReadOnlyDictionary<string, double> values, DateTimeOffset now)
    {
        foreach (var (metric, value) in values)
        {
            Windows.RecordAggregate(metric, now, value);
        }
    }

    /// <summary>What the engine evaluates at <paramref name="now"/>: samples older than the definition's freshness limit
    /// are not acted on (see <see cref="TargetWindows.Freshness"/>).</summary>
    public EvaluationRequest Request(DateTimeOffset now)
    {
        var definition = Registered;
        Windows.Freshness = definition.Freshness;
        return new EvaluationRequest(now, new ScaleTarget(Current, definition.Min, definition.Max), Windows.Readings(now), PolicySet!)
        {
            History = History,
            Query = Windows.Query,
        };
    }

    /// <summary>Forgets everything (the target was removed).</summary>
    public void Reset()
    {
        Definition = null;
        Policies = [];
        Override = null;
        PolicySet = null;
        Current = 0;
        Observed = null;
        History = ScalingHistory.Empty;
        Cost = null;
        AppliedSize = null;
        Price = null;
        RecentDecisions = [];
        DecisionSequence = 0;
        LastEvaluation = null;
        LastScaling = null;
        ConsecutiveFailures = 0;
        Pending = null;
        LastNoChange = null;
        HistoryOutbox = [];
        NextAttemptAt = null;
        DriftSince = null;
        DriftFlagged = false;
    }

    /// <summary>What a decision changes before its state write, to put back if the write fails (<see cref="Restore"/>):
    /// a decision whose state was not saved never happened, and its number is used by the next one.</summary>
    public TargetCheckpoint Checkpoint() =>
        new(DecisionSequence, Pending, [.. RecentDecisions], HistoryOutbox.Count, History, LastEvaluation, Current, DriftSince, DriftFlagged);

    /// <summary>Puts back what <paramref name="checkpoint"/> saw.</summary>
    public void Restore(TargetCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        DecisionSequence = checkpoint.DecisionSequence;
        Pending = checkpoint.Pending;
        RecentDecisions = checkpoint.RecentDecisions;
        HistoryOutbox.RemoveRange(checkpoint.OutboxCount, HistoryOutbox.Count - checkpoint.OutboxCount);
        History = checkpoint.History;
        LastEvaluation = checkpoint.LastEvaluation;
        Current = checkpoint.Current;
        DriftSince = checkpoint.DriftSince;
        DriftFlagged = checkpoint.DriftFlagged;
    }

    /// <summary>Empty windows as <paramref name="definition"/> and the limits ask (an agent pool sets the staleness limit).</summary>
    public TargetWindows NewWindows(TargetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var options = MetricWindowOptions.Default with { MaxInstances = Limits.MaxInstances };
        if (definition.AgentPool is { } pool)
        {
            options = options with { StalenessLimit = TimeSpan.FromSeconds(pool.StalenessSeconds) };
        }

        return new TargetWindows(options, Limits.MaxMetrics);
    }
}
