using Autoscaler.Grains.State;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Windows;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.State;

/// <summary>Maps a <see cref="LiveTarget"/> to its persisted <see cref="ServiceState"/> and back.</summary>
internal static class ServiceStateMapping
{
    /// <summary>The state to write for <paramref name="target"/> now.</summary>
    public static ServiceState ToState(LiveTarget target) => new()
    {
        Definition = target.Definition,
        Policies = [.. target.Policies],
        Current = target.Current,
        Observed = target.Observed,
        History = HistorySnapshot.Of(target.History),
        Override = target.Override,
        Cost = CostLedgerSnapshot.Of(target.Cost),
        RecentDecisions = target.RecentDecisions.ConvertAll(DecisionSnapshot.Of),
        DecisionSequence = target.DecisionSequence,
        LastEvaluation = target.LastEvaluation,
        LastScaling = target.LastScaling,
        ConsecutiveFailures = target.ConsecutiveFailures,
        Pending = target.Pending is { } pending ? DecisionSnapshot.Of(pending) : null,
        HistoryOutbox = target.HistoryOutbox.Count == 0 ? null : target.HistoryOutbox.ConvertAll(DecisionSnapshot.Of),
        NextAttemptAt = target.NextAttemptAt,
        DriftSince = target.DriftSince,
        DriftFlagged = target.DriftFlagged,
        AppliedSize = target.AppliedSize,
    };

    /// <summary>
    /// Loads what was stored into <paramref name="target"/>: the kept decisions share their strings again, the windows are
    /// restored from their own state, and the policy set is composed.
    /// </summary>
    public static void Restore(LiveTarget target, ServiceState state, ServiceWindowsState windows)
    {
        target.Definition = state.Definition;
        target.Policies = [.. state.Policies];
        target.Override = state.Override;
        target.Current = state.Current;
        target.Observed = state.Observed;
        target.History = state.History?.ToHistory() ?? ScalingHistory.Empty;
        target.Cost = state.Cost?.ToLedger();
        target.RecentDecisions = state.RecentDecisions.ConvertAll(d => d.ToRecord());
        target.DecisionSequence = state.DecisionSequence;
        target.LastEvaluation = state.LastEvaluation;
        target.LastScaling = state.LastScaling;
        target.ConsecutiveFailures = state.ConsecutiveFailures;
        target.Pending = state.Pending?.ToRecord();
        target.HistoryOutbox = state.HistoryOutbox?.ConvertAll(d => d.ToRecord()) ?? [];
        target.NextAttemptAt = state.NextAttemptAt;
        target.DriftSince = state.DriftSince;
        target.DriftFlagged = state.DriftFlagged;
        target.AppliedSize = state.AppliedSize;
        DecisionRecordSharing.Share(target);
        if (target.Definition is not { } definition)
        {
            return;
        }

        target.Windows = target.NewWindows(definition);
        if (windows.Json is { } saved && WindowSetSnapshot.FromJson(saved) is { } snapshot)
        {
            target.Windows.Restore(snapshot);
        }

        target.Recompose();
    }
}
