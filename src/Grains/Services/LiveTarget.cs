using Autoscaler.Grains.Interfaces;
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
internal sealed class LiveTarget(string id)
{
    /// <summary>Decisions kept in memory and state (the full history is in the history store).</summary>
    public const int RecentDecisionCount = 50;

    /// <summary>The target id, one string for every record the target makes.</summary>
    public string Id { get; } = id;

    public TargetDefinition? Definition { get; set; }

    public List<PolicyDefinition> Policies { get; set; } = [];

    public ManualScale? Override { get; set; }

    /// <summary>The engine's policy set composed from <see cref="Definition"/>, <see cref="Policies"/> and <see cref="Override"/>.</summary>
    public PolicySet? PolicySet { get; set; }

    public int Current { get; set; }

    public int? Observed { get; set; }

    public ScalingHistory History { get; set; } = ScalingHistory.Empty;

    public CostLedger? Cost { get; set; }

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
            Windows = new TargetWindows(WindowOptionsFor(definition));
        }

        Definition = definition;
        PolicySet = policySet;
        return definition;
    }

    /// <summary>Rebuilds <see cref="PolicySet"/> after a policy or override change.</summary>
    public void Recompose() => PolicySet = PolicySetComposer.Compose(Registered, Policies, Override);

    /// <summary>Accrues cost at the current capacity up to <paramref name="now"/>.</summary>
    public void AccrueCost(DateTimeOffset now)
    {
        if (Definition is { } definition)
        {
            Cost = (Cost ?? CostLedger.StartingAt(now)).AccrueUntil(now, Current, definition.UnitCostPerHour);
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

    /// <summary>Records telemetry into the windows.</summary>
    public void Record(IReadOnlyList<TelemetrySample> samples)
    {
        foreach (var sample in samples)
        {
            Windows.Record(sample);
        }
    }

    /// <summary>Records target-level values (a pool's derived metrics) at <paramref name="now"/>.</summary>
    public void RecordAggregates(IReadOnlyDictionary<string, double> values, DateTimeOffset now)
    {
        foreach (var (metric, value) in values)
        {
            Windows.RecordAggregate(metric, now, value);
        }
    }

    /// <summary>What the engine evaluates at <paramref name="now"/>.</summary>
    public EvaluationRequest Request(DateTimeOffset now)
    {
        var definition = Registered;
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
        RecentDecisions = [];
        DecisionSequence = 0;
        LastEvaluation = null;
        LastScaling = null;
        ConsecutiveFailures = 0;
        Pending = null;
        LastNoChange = null;
    }

    /// <summary>The window settings a definition asks for (an agent pool sets the staleness limit).</summary>
    public static MetricWindowOptions WindowOptionsFor(TargetDefinition definition) =>
        definition.AgentPool is { } pool
            ? MetricWindowOptions.Default with { StalenessLimit = TimeSpan.FromSeconds(pool.StalenessSeconds) }
            : MetricWindowOptions.Default;
}
