using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;

namespace Autoscaler.Grains.Services.Reporting;

/// <summary>Turns a <see cref="DecisionRecord"/> into what the history store and the event stream carry.</summary>
internal static class DecisionRecords
{
    /// <summary>Kinds a record can have.</summary>
    public const string Decision = "decision";
    public const string Actuated = "actuated";
    public const string Failed = "failed";
    public const string RolledBack = "rolled-back";
    public const string Manual = "manual";
    public const string NoChange = "no-change";

    /// <summary>The history row of a record (ids stay unique per kind: <c>{decision}:{kind}</c> for outcomes).</summary>
    public static ScalingHistoryEntry ToHistory(DecisionRecord record, string? outcome) => new(
        record.Kind == Decision || record.Kind == Manual ? record.Id : $"{record.Id}:{record.Kind}",
        record.Target,
        record.At,
        record.Kind switch
        {
            Actuated => ScalingHistoryKind.Actuated,
            Failed => ScalingHistoryKind.Failed,
            RolledBack => ScalingHistoryKind.RolledBack,
            Manual => ScalingHistoryKind.Manual,
            _ => ScalingHistoryKind.Decision,
        },
        record.From,
        record.To,
        record.Trigger,
        record.Actor,
        record.Explanation,
        outcome,
        (long)record.DurationMs,
        record.DryRun);

    /// <summary>The contract's scaling event (<c>decision | actuated | failed | rolled-back</c>).</summary>
    public static ScalingEvent ToEvent(DecisionRecord record) => new(
        record.Id,
        record.Target,
        record.At,
        record.Kind switch
        {
            Actuated => ScalingEventKind.Actuated,
            Failed => ScalingEventKind.Failed,
            RolledBack => ScalingEventKind.RolledBack,
            _ => ScalingEventKind.Decision,
        },
        record.From,
        record.To,
        record.Actor,
        record.DryRun,
        record.Explanation);
}
