using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Cost;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Grains.Services;

/// <summary>Persisted state of a <see cref="ServiceGrain"/>: what must survive failover for decisions to continue as if
/// nothing happened (stabilization windows, rate-limit periods and cooldowns live in <see cref="History"/>).</summary>
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
    public ScalingHistory History { get; set; } = ScalingHistory.Empty;

    /// <summary>An operator's pinned capacity.</summary>
    [Id(5)]
    public ManualScale? Override { get; set; }

    /// <summary>Capacity-unit-hours and spend.</summary>
    [Id(6)]
    public CostLedger? Cost { get; set; }

    /// <summary>Newest decisions first, at most <see cref="ServiceGrain.RecentDecisionCount"/>; also the idempotence record.</summary>
    [Id(7)]
    public List<DecisionRecord> RecentDecisions { get; set; } = [];

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
    public DecisionRecord? Pending { get; set; }

    /// <summary>The metric windows and histories as of the last state write, restored on activation (failover keeps them):
    /// a <see cref="WindowSetSnapshot"/> as System.Text.Json, a string so that the storage's own serializer only carries text.</summary>
    [Id(13)]
    public string? Windows { get; set; }
}
