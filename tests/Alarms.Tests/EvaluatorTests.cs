using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Tests;

/// <summary>
/// Metric alarm evaluation beyond the missing-data tables: the four comparisons at the threshold, M out of N ("Using
/// Amazon CloudWatch alarms", evaluation periods and datapoints to alarm), which datapoints decide and in what order.
/// </summary>
public sealed class EvaluatorTests
{
    [Theory]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 50.0, false)]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 50.1, true)]
    [InlineData(ComparisonOperator.GreaterThanOrEqualToThreshold, 50.0, true)]
    [InlineData(ComparisonOperator.GreaterThanOrEqualToThreshold, 49.9, false)]
    [InlineData(ComparisonOperator.LessThanThreshold, 50.0, false)]
    [InlineData(ComparisonOperator.LessThanThreshold, 49.9, true)]
    [InlineData(ComparisonOperator.LessThanOrEqualToThreshold, 50.0, true)]
    [InlineData(ComparisonOperator.LessThanOrEqualToThreshold, 50.1, false)]
    public void Each_comparison_decides_at_the_threshold_as_named(ComparisonOperator comparison, double value, bool breaches)
    {
        var rule = new MetricAlarmRule(comparison, 50, 1, 1);

        var outcome = Points.Evaluate(rule, AlarmState.Ok, [value]);

        Assert.Equal(breaches ? AlarmState.Alarm : AlarmState.Ok, outcome.State);
    }

    [Fact]
    public void The_user_guide_figure_alarms_on_three_consecutive_breaches_and_recovers_on_one_dip()
    {
        // "Evaluating an alarm": threshold 3 units, N = M = 3; ALARM in periods 3-5, OK at period 6, a lone breach at 9 stays OK.
        var series = new double[] { 4, 4, 4, 4, 4, 2, 2, 2, 4, 2 };
        var rule = new MetricAlarmRule(ComparisonOperator.GreaterThanThreshold, 3, 3, 3);
        var state = AlarmState.InsufficientData;
        var states = new List<AlarmState>();
        for (var end = 3; end <= series.Length; end++)
        {
            state = Points.Evaluate(rule, state, series[(end - 3)..end]).State;
            states.Add(state);
        }

        Assert.Equal(
            [AlarmState.Alarm, AlarmState.Alarm, AlarmState.Alarm, AlarmState.Ok, AlarmState.Ok, AlarmState.Ok, AlarmState.Ok, AlarmState.Ok],
            states);
    }

    [Theory]
    [InlineData("0 X 0 X 0", 2, AlarmState.Ok)]
    [InlineData("0 0 X 0 X", 2, AlarmState.Alarm)]
    [InlineData("X X X 0 0", 2, AlarmState.Ok)]
    [InlineData("0 0 X X 0", 1, AlarmState.Alarm)]
    public void M_out_of_n_counts_breaches_among_the_last_n_not_consecutive_ones(string datapoints, int m, AlarmState expected)
    {
        var outcome = Points.Evaluate(Points.Rule(3, m, MissingDataTreatment.Missing), AlarmState.Ok, Points.Parse(datapoints));

        Assert.Equal(expected, outcome.State);
    }

    [Fact]
    public void With_enough_real_datapoints_the_most_recent_real_ones_decide_newest_first()
    {
        var values = new[] { 91.0, double.NaN, 95.5, double.NaN, 97.1 };
        var buffer = new EvaluatedPoint[5];

        var outcome = MetricAlarmEvaluator.Evaluate(new MetricAlarmRule(ComparisonOperator.GreaterThanThreshold, 90, 3, 3), AlarmState.Ok, values, buffer);

        Assert.Equal([4, 2, 0], buffer[..outcome.EvaluatedCount].Select(p => p.Index));
        Assert.Equal((AlarmState.Alarm, true, 3), (outcome.State, outcome.Changed, outcome.Breaching));
    }

    [Fact]
    public void Filled_periods_take_the_most_recent_missing_positions_and_every_real_datapoint_counts()
    {
        var values = Points.Parse("0 - X - -");
        var buffer = new EvaluatedPoint[8];

        var outcome = MetricAlarmEvaluator.Evaluate(Points.Rule(3, 2, MissingDataTreatment.Breaching), AlarmState.Ok, values, buffer);

        Assert.Equal([(4, PointFill.Breaching), (2, PointFill.None), (0, PointFill.None)], buffer[..outcome.EvaluatedCount].Select(p => (p.Index, p.Fill)));
        Assert.Equal(AlarmState.Alarm, outcome.State);
    }

    [Fact]
    public void A_band_alarm_breaches_outside_each_datapoints_own_band_and_a_point_without_a_band_is_missing()
    {
        var rule = new MetricAlarmRule(ComparisonOperator.LessThanLowerOrGreaterThanUpperThreshold, 0, 3, 2);
        double[] values = [100, 100, 5, 100];
        double[] lower = [90, double.NaN, 10, 90];
        double[] upper = [110, double.NaN, 20, 95];
        var buffer = new EvaluatedPoint[4];

        var outcome = MetricAlarmEvaluator.Evaluate(rule, AlarmState.Ok, values, buffer, lower, upper);

        Assert.Equal([(3, true), (2, true), (0, false)], buffer[..outcome.EvaluatedCount].Select(p => (p.Index, p.Breaching)));
        Assert.Equal(AlarmState.Alarm, outcome.State);
    }

    [Fact]
    public void A_band_rule_without_bands_is_a_programming_error()
    {
        var rule = new MetricAlarmRule(ComparisonOperator.GreaterThanUpperThreshold, 0, 1, 1);

        Assert.Throws<ArgumentException>(() => MetricAlarmEvaluator.Evaluate(rule, AlarmState.Ok, [1.0], new EvaluatedPoint[1]));
    }

    [Fact]
    public void Steady_state_evaluation_allocates_nothing()
    {
        var rule = new MetricAlarmRule(ComparisonOperator.GreaterThanThreshold, 90, 3, 2, MissingDataTreatment.Breaching);
        double[] values = [50, double.NaN, 95, 40, double.NaN];
        var buffer = new EvaluatedPoint[3];
        MetricAlarmEvaluator.Evaluate(rule, AlarmState.Ok, values, buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            MetricAlarmEvaluator.Evaluate(rule, AlarmState.Ok, values, buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
