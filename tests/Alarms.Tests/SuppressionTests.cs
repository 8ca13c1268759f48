using Autoscaler.Alarms.Model;
using Autoscaler.Alarms.Suppression;

namespace Autoscaler.Alarms.Tests;

/// <summary>Actions suppression of composite alarms (CloudWatch: ActionsSuppressor, WaitPeriod, ExtensionPeriod) as a timeline.</summary>
public sealed class SuppressionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActionsSuppressor Maintenance = new("Maintenance", WaitPeriodSeconds: 120, ExtensionPeriodSeconds: 300);

    [Fact]
    public void Without_the_suppressor_actions_run_after_the_wait_period()
    {
        var step = SuppressionTracker.Step(Maintenance, SuppressionStatus.Idle, T0, AlarmState.Alarm, enteredAlarm: true, AlarmState.Ok);
        Assert.False(step.RunAlarmActions);
        Assert.Equal(SuppressionPhase.Waiting, step.Status.Phase);

        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddSeconds(60), AlarmState.Alarm, false, AlarmState.Ok);
        Assert.False(step.RunAlarmActions);

        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddSeconds(120), AlarmState.Alarm, false, AlarmState.Ok);
        Assert.True(step.RunAlarmActions);
        Assert.Equal(SuppressionPhase.Idle, step.Status.Phase);
        Assert.False(SuppressionTracker.HoldsEndOfEpisode(step.Status));
    }

    [Fact]
    public void A_suppressor_in_alarm_holds_actions_until_the_extension_after_it_leaves()
    {
        var step = SuppressionTracker.Step(Maintenance, SuppressionStatus.Idle, T0, AlarmState.Alarm, true, AlarmState.Alarm);
        Assert.Equal((false, SuppressionPhase.Suppressed), (step.RunAlarmActions, step.Status.Phase));

        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddMinutes(30), AlarmState.Alarm, false, AlarmState.Ok);
        Assert.Equal((false, SuppressionPhase.Extending), (step.RunAlarmActions, step.Status.Phase));
        Assert.Equal(T0.AddMinutes(35), step.Status.Until);

        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddMinutes(34), AlarmState.Alarm, false, AlarmState.Ok);
        Assert.False(step.RunAlarmActions);

        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddMinutes(35), AlarmState.Alarm, false, AlarmState.Ok);
        Assert.True(step.RunAlarmActions);
    }

    [Fact]
    public void The_suppressor_going_to_alarm_during_the_wait_suppresses()
    {
        var step = SuppressionTracker.Step(Maintenance, SuppressionStatus.Idle, T0, AlarmState.Alarm, true, AlarmState.Ok);
        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddSeconds(90), AlarmState.Alarm, false, AlarmState.Alarm);

        Assert.Equal((false, SuppressionPhase.Suppressed), (step.RunAlarmActions, step.Status.Phase));
        Assert.Contains("suppressor Maintenance is in ALARM", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Returning_to_alarm_during_the_extension_suppresses_again()
    {
        var step = SuppressionTracker.Step(Maintenance, SuppressionStatus.Idle, T0, AlarmState.Alarm, true, AlarmState.Alarm);
        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddMinutes(1), AlarmState.Alarm, false, AlarmState.Ok);
        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddMinutes(2), AlarmState.Alarm, false, AlarmState.Alarm);

        Assert.Equal(SuppressionPhase.Suppressed, step.Status.Phase);
    }

    [Fact]
    public void An_episode_that_ends_while_held_holds_its_ok_actions_too()
    {
        var step = SuppressionTracker.Step(Maintenance, SuppressionStatus.Idle, T0, AlarmState.Alarm, true, AlarmState.Alarm);
        step = SuppressionTracker.Step(Maintenance, step.Status, T0.AddMinutes(5), AlarmState.Ok, false, AlarmState.Alarm);

        Assert.False(step.RunAlarmActions);
        Assert.Equal(SuppressionPhase.Idle, step.Status.Phase);
        Assert.True(SuppressionTracker.HoldsEndOfEpisode(step.Status));
    }

    [Fact]
    public void Zero_periods_run_at_once_when_the_suppressor_is_not_in_alarm()
    {
        var immediate = new ActionsSuppressor("Maintenance", 0, 0);

        Assert.True(SuppressionTracker.Step(immediate, SuppressionStatus.Idle, T0, AlarmState.Alarm, true, AlarmState.Ok).RunAlarmActions);
        var held = SuppressionTracker.Step(immediate, SuppressionStatus.Idle, T0, AlarmState.Alarm, true, AlarmState.Alarm);
        Assert.True(SuppressionTracker.Step(immediate, held.Status, T0.AddSeconds(1), AlarmState.Alarm, false, AlarmState.Ok).RunAlarmActions);
    }
}
