using Autoscaler.Alarms.Model;
using Autoscaler.Alarms.Suppression;

namespace Autoscaler.Grains.Alarms.State;

/// <summary>Maps a <see cref="LiveAlarm"/> to its persisted <see cref="AlarmGrainState"/> and back.</summary>
internal static class AlarmMapping
{
    public static LiveAlarm Load(string name, AlarmGrainState state)
    {
        var alarm = new LiveAlarm(name);
        if (state.Definition is not { } json)
        {
            return alarm;
        }

        alarm.Define(alarm.Parse(json), json, state.StateChangedAt);
        alarm.State = AlarmStates.TryParse(state.State, out var current) ? current : AlarmState.InsufficientData;
        alarm.Reason = state.Reason;
        alarm.StateChangedAt = state.StateChangedAt;
        alarm.LastEvaluatedAt = state.LastEvaluatedAt;
        alarm.Sequence = state.Sequence;
        alarm.Mutes = [.. state.Mutes];
        foreach (var (key, at) in state.LastRun)
        {
            alarm.Memory.LastRun[key] = at;
        }

        foreach (var (key, at) in state.LastSent)
        {
            alarm.Memory.LastSent[key] = at;
        }

        alarm.Suppression = new SuppressionStatus(
            Enum.TryParse<SuppressionPhase>(state.SuppressionPhase, out var phase) ? phase : SuppressionPhase.Idle,
            state.SuppressionUntil, state.SuppressedEpisode);
        alarm.EscalationLevel = state.EscalationLevel;
        alarm.SignalCounter = state.SignalCounter;
        alarm.LastBreach = state.LastBreach;
        if (state.Ring.Length > 0)
        {
            alarm.Ring.Restore(new DateTimeOffset(state.RingStartTicks, TimeSpan.Zero), state.Ring);
        }

        return alarm;
    }

    public static void Save(LiveAlarm alarm, AlarmGrainState state)
    {
        state.Definition = alarm.Json;
        state.State = AlarmStates.Name(alarm.State);
        state.Reason = alarm.Reason;
        state.StateChangedAt = alarm.StateChangedAt;
        state.LastEvaluatedAt = alarm.LastEvaluatedAt;
        state.Sequence = alarm.Sequence;
        state.Mutes = [.. alarm.Mutes];
        state.LastRun = new Dictionary<string, DateTimeOffset>(alarm.Memory.LastRun);
        state.LastSent = new Dictionary<string, DateTimeOffset>(alarm.Memory.LastSent);
        state.SuppressionPhase = alarm.Suppression.Phase.ToString();
        state.SuppressionUntil = alarm.Suppression.Until;
        state.SuppressedEpisode = alarm.Suppression.SuppressedEpisode;
        state.EscalationLevel = alarm.EscalationLevel;
        state.SignalCounter = alarm.SignalCounter;
        state.LastBreach = alarm.LastBreach;
        state.RingStartTicks = alarm.Ring.FirstEnd.UtcTicks;
        state.Ring = alarm.Ring.ToArray();
    }
}
