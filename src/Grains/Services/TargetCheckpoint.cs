using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services;

/// <summary>What <see cref="LiveTarget.Checkpoint"/> saves before a decision changes the target (see <see cref="LiveTarget.Restore"/>).</summary>
internal sealed record TargetCheckpoint(
    long DecisionSequence,
    DecisionRecord? Pending,
    List<DecisionRecord> RecentDecisions,
    int OutboxCount,
    ScalingHistory History,
    DateTimeOffset? LastEvaluation,
    int Current,
    DateTimeOffset? DriftSince,
    bool DriftFlagged);
