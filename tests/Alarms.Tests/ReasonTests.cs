using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Tests;

/// <summary>Reasons in CloudWatch's form: "Threshold Crossed: M out of the last N datapoints [...] were ... (minimum M
/// datapoints for OK -> ALARM transition)." and "Insufficient Data: 5 datapoints were unknown."</summary>
public sealed class ReasonTests
{
    private static readonly MetricSpec Cpu = new("cpu", AlarmStatistic.Average, 300, new MetricAlarmRule(ComparisonOperator.GreaterThanThreshold, 90, 3, 3), null);

    [Fact]
    public void The_contract_example_reads_as_documented()
    {
        var result = AlarmCheck.Run(Cpu, AlarmState.Ok, [91.0, double.NaN, 95.5, double.NaN, 97.1]);

        Assert.Equal(
            "Threshold Crossed: 3 out of the last 3 datapoints [97.1, 95.5, 91.0] were greater than the threshold (90.0) (minimum 3 datapoints for OK -> ALARM transition).",
            result.Reason);
    }

    [Fact]
    public void Recovery_lists_the_datapoints_within_the_threshold_and_the_minimum_for_alarm_to_ok()
    {
        var result = AlarmCheck.Run(Cpu, AlarmState.Alarm, [95, 92, 85]);

        Assert.Equal(
            "Threshold Crossed: 1 out of the last 3 datapoints [85.0] was not greater than the threshold (90.0) (minimum 1 datapoint for ALARM -> OK transition).",
            result.Reason);
    }

    [Fact]
    public void One_period_alarms_name_one_datapoint()
    {
        var spec = Cpu with { Rule = new MetricAlarmRule(ComparisonOperator.LessThanOrEqualToThreshold, 10, 1, 1) };

        Assert.Equal(
            "Threshold Crossed: 1 datapoint [2.5] was less than or equal to the threshold (10.0) (minimum 1 datapoint for INSUFFICIENT_DATA -> ALARM transition).",
            AlarmCheck.Run(spec, AlarmState.InsufficientData, [2.5]).Reason);
    }

    [Fact]
    public void No_data_is_insufficient_data_with_the_count_of_unknown_datapoints()
    {
        var result = AlarmCheck.Run(Cpu, AlarmState.Ok, [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]);

        Assert.Equal("Insufficient Data: 5 datapoints were unknown.", result.Reason);
    }

    [Fact]
    public void Missing_periods_treated_as_breaching_are_named_as_such()
    {
        var spec = Cpu with { Rule = Cpu.Rule with { TreatMissingData = MissingDataTreatment.Breaching } };

        Assert.Equal(
            "Threshold Crossed: no datapoints were received for 5 periods and 3 missing datapoints were treated as [Breaching] (minimum 3 datapoints for OK -> ALARM transition).",
            AlarmCheck.Run(spec, AlarmState.Ok, [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]).Reason);
        Assert.Equal(
            "Threshold Crossed: 2 out of the last 3 datapoints were breaching: 1 datapoint received [10.0] and 2 missing datapoints treated as [Breaching], against the threshold (90.0).",
            AlarmCheck.Run(spec, AlarmState.Ok, [10, double.NaN, double.NaN, double.NaN, double.NaN]).Reason);
    }

    [Fact]
    public void Ignore_says_the_state_is_kept()
    {
        var spec = Cpu with { Rule = Cpu.Rule with { TreatMissingData = MissingDataTreatment.Ignore } };

        var result = AlarmCheck.Run(spec, AlarmState.Alarm, [double.NaN, double.NaN, double.NaN, double.NaN, 97]);

        Assert.False(result.Outcome.Changed);
        Assert.Equal(
            "Only 1 of the 3 datapoints needed was received [97.0], breaching but fewer than the 3 needed for ALARM; missing data is ignored, so the alarm stays in ALARM.",
            result.Reason);
    }

    [Fact]
    public void A_sustained_breach_says_how_old_it_is()
    {
        var result = AlarmCheck.Run(Cpu, AlarmState.Ok, [97, double.NaN, double.NaN, double.NaN, double.NaN]);

        Assert.Equal(AlarmState.Alarm, result.Outcome.State);
        Assert.Equal(
            "Threshold Crossed: the only datapoint [97.0] was greater than the threshold (90.0), the oldest 5 periods ago, and no datapoint since is within it (minimum 3 datapoints for OK -> ALARM transition).",
            result.Reason);
    }

    [Fact]
    public void Numbers_keep_a_fraction_like_cloudwatchs()
    {
        Assert.Equal(["90.0", "97.1", "0.5", "-3.0", "1E-05"], new[] { 90, 97.1, 0.5, -3, 0.00001 }.Select(NumberText.Format));
    }
}
