using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.State;

namespace Autoscaler.Grains.Services.State;

/// <summary>
/// Persisted state of a <see cref="ServiceGrain"/>: what must survive failover for decisions to continue as if nothing
/// happened (stabilization windows, rate-limit periods and cooldowns live in <see cref="History"/>). Only grain-owned
/// records and the grain contracts' wire records are stored, never the engine's types: the grain maps them to its live
/// <see cref="LiveTarget"/> at activation and back for each write, so a rename in the pure core never changes a stored row.
/// </summary>
[GenerateSerializer, Alias("autoscaler.ServiceState")]
public sealed class ServiceState
{
    /// <summary>As registered; null when not registered.</summary>
    [Id(0)]
    public TargetDefinition? Definition { get; set; }

    /// <summary>Policies in evaluation order.</summary>
    [Id(1)]
    public List<PolicyDefinition> Policies { get; set; } = [];

    /// <summary>Capacity in effect (last successfully applied).</summary>
    [Id(2)]
    public int Current { get; set; }

    /// <summary>Capacity the actuator last reported.</summary>
    [Id(3)]
    public int? Observed { get; set; }

    /// <summary>The engine's memory: recent recommendations and scale events.</summary>
    [Id(4)]
    public HistorySnapshot? History { get; set; }

    /// <summary>An operator's pinned capacity.</summary>
    [Id(5)]
    public ManualScale? Override { get; set; }

    /// <summary>Capacity-unit-hours and spend.</summary>
    [Id(6)]
    public CostLedgerSnapshot? Cost { get; set; }

    /// <summary>Newest decisions first, at most <see cref="LiveTarget.RecentDecisionCount"/>; also the idempotence record.</summary>
    [Id(7)]
    public List<DecisionSnapshot> RecentDecisions { get; set; } = [];

    /// <summary>Source of decision ids.</summary>
    [Id(8)]
    public long DecisionSequence { get; set; }

    /// <summary>When the policies last ran.</summary>
    [Id(9)]
    public DateTimeOffset? LastEvaluation { get; set; }

    /// <summary>When capacity last changed.</summary>
    [Id(10)]
    public DateTimeOffset? LastScaling { get; set; }

    /// <summary>Actuation failures in a row (reset by a success).</summary>
    [Id(11)]
    public int ConsecutiveFailures { get; set; }

    /// <summary>A decision written before its actuation and not yet resolved (write-ahead): after a crash the next
    /// activation reads the actuator back and records the outcome instead of deciding anew.</summary>
    [Id(12)]
    public DecisionSnapshot? Pending { get; set; }

    // Id 13 held the windows before they moved to ServiceWindowsState: not reused.

    /// <summary>History rows not yet stored (the outbox): each decision and outcome is written here with the state before
    /// it is appended to the history store, and leaves once the store has it, so a history outage loses none.</summary>
    [Id(14)]
    public List<DecisionSnapshot>? HistoryOutbox { get; set; }

    /// <summary>After an actuation failure: the earliest time the next one may be tried (exponential backoff).</summary>
    [Id(15)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Since when the actuator has reported another capacity than <see cref="Current"/>.</summary>
    [Id(16)]
    public DateTimeOffset? DriftSince { get; set; }

    /// <summary>True once the current drift passed the target's limit and was flagged (one event per drift).</summary>
    [Id(17)]
    public bool DriftFlagged { get; set; }

    /// <summary>The size the size grain last reported as applied: the target is priced at it (null: the configured size,
    /// or the unit price without one).</summary>
    [Id(18)]
    public AppliedInstanceSize? AppliedSize { get; set; }
}
