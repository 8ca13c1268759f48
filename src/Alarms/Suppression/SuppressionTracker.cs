using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Suppression;

/// <summary>
/// Actions suppression as a pure state machine: called at every evaluation of a composite alarm (and whenever its
/// suppressor changes) with the time, the composite's state and whether it just entered ALARM, and the suppressor's state.
/// </summary>
public static class SuppressionTracker
{
    /// <summary>One step. <paramref name="enteredAlarm"/> is true on the evaluation where the composite went to ALARM.</summary>
    public static SuppressionStep Step(
        ActionsSuppressor suppressor,
        SuppressionStatus status,
        DateTimeOffset now,
        AlarmState composite,
        bool enteredAlarm,
        AlarmState suppressorState)
    {
        ArgumentNullException.ThrowIfNull(suppressor);
        ArgumentNullException.ThrowIfNull(status);
        var suppressing = suppressorState == AlarmState.Alarm;
        if (composite != AlarmState.Alarm)
        {
            // Leaving ALARM drops what was held; the episode's suppression is remembered for its OK actions.
            return new SuppressionStep(false, status with { Phase = SuppressionPhase.Idle, Until = null }, null);
        }

        if (enteredAlarm)
        {
            status = suppressing
                ? new SuppressionStatus(SuppressionPhase.Suppressed, null, true)
                : new SuppressionStatus(SuppressionPhase.Waiting, now.AddSeconds(suppressor.WaitPeriodSeconds), false);
        }

        switch (status.Phase)
        {
            case SuppressionPhase.Waiting when suppressing:
            case SuppressionPhase.Extending when suppressing:
                return Held(new SuppressionStatus(SuppressionPhase.Suppressed, null, true), suppressor, "is in ALARM");
            case SuppressionPhase.Suppressed when suppressing:
                return Held(status, suppressor, "is in ALARM");
            case SuppressionPhase.Suppressed:
                var until = now.AddSeconds(suppressor.ExtensionPeriodSeconds);
                return until <= now
                    ? Run(status, $"suppressor {suppressor.Alarm} left ALARM")
                    : Held(new SuppressionStatus(SuppressionPhase.Extending, until, true), suppressor, $"left ALARM; extension until {until:O}");
            case SuppressionPhase.Waiting or SuppressionPhase.Extending when now >= status.Until:
                return Run(status, status.Phase == SuppressionPhase.Waiting
                    ? $"suppressor {suppressor.Alarm} did not go to ALARM within {suppressor.WaitPeriodSeconds} s"
                    : $"extension period after suppressor {suppressor.Alarm} ended");
            case SuppressionPhase.Waiting:
                return new SuppressionStep(false, status, $"waiting until {status.Until:O} for suppressor {suppressor.Alarm}");
            case SuppressionPhase.Extending:
                return Held(status, suppressor, $"left ALARM; extension until {status.Until:O}");
            default:
                return new SuppressionStep(false, status, null);
        }
    }

    /// <summary>True when this episode's OK / INSUFFICIENT_DATA actions should be held as well.</summary>
    public static bool HoldsEndOfEpisode(SuppressionStatus status) => status?.SuppressedEpisode ?? false;

    private static SuppressionStep Held(SuppressionStatus status, ActionsSuppressor suppressor, string why) =>
        new(false, status, $"actions held: suppressor {suppressor.Alarm} {why}");

    private static SuppressionStep Run(SuppressionStatus status, string why) =>
        // The ALARM actions ran, so the end of this episode is news again.
        new(true, status with { Phase = SuppressionPhase.Idle, Until = null, SuppressedEpisode = false }, $"actions run: {why}");
}
