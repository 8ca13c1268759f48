using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;
using CsCheck;

namespace Autoscaler.Alarms.Tests;

/// <summary>Invariants of evaluation over random ranges, rules and starting states.</summary>
public sealed class EvaluatorPropertyTests
{
    private static readonly Gen<double> Datapoint = Gen.Frequency<double>((1, Gen.Const(double.NaN)), (2, Gen.Double[0, 100]));

    private static readonly Gen<(MetricAlarmRule Rule, AlarmState State, double[] Values)> Case =
        from n in Gen.Int[1, 6]
        from m in Gen.Int[1, n]
        from extra in Gen.Int[0, 4]
        from treatment in Gen.Enum<MissingDataTreatment>()
        from comparison in Gen.Int[0, 3]
        from threshold in Gen.Double[0, 100]
        from state in Gen.Enum<AlarmState>()
        from values in Datapoint.Array[n + extra]
        select (new MetricAlarmRule((ComparisonOperator)comparison, threshold, n, m, treatment), state, values);

    [Fact]
    public void Under_missing_an_alarm_never_leaves_insufficient_data_without_a_datapoint() =>
        Case.Sample(c =>
        {
            var empty = Enumerable.Repeat(double.NaN, c.Values.Length).ToArray();
            var outcome = Points.Evaluate(c.Rule with { TreatMissingData = MissingDataTreatment.Missing }, AlarmState.InsufficientData, empty);
            return outcome.State == AlarmState.InsufficientData;
        });

    [Fact]
    public void Ignore_keeps_the_state_whenever_the_data_cannot_decide() =>
        Case.Sample(c =>
        {
            var rule = c.Rule with { TreatMissingData = MissingDataTreatment.Ignore };
            var outcome = Points.Evaluate(rule, c.State, c.Values);
            var real = c.Values.Count(v => !double.IsNaN(v));
            return outcome.Kind != OutcomeKind.Retained || (outcome.State == c.State && !outcome.Changed && real < rule.EvaluationPeriods);
        });

    [Fact]
    public void With_n_real_datapoints_the_treatment_of_missing_data_does_not_matter() =>
        Case.Sample(c =>
        {
            if (c.Values.Count(v => !double.IsNaN(v)) < c.Rule.EvaluationPeriods)
            {
                return true;
            }

            var states = Enum.GetValues<MissingDataTreatment>().Select(t => Points.Evaluate(c.Rule with { TreatMissingData = t }, c.State, c.Values).State);
            return states.Distinct().Count() == 1;
        });

    [Fact]
    public void At_most_n_datapoints_decide_and_alarm_means_at_least_m_breaching() =>
        Case.Sample(c =>
        {
            var buffer = new EvaluatedPoint[c.Rule.EvaluationPeriods];
            var outcome = MetricAlarmEvaluator.Evaluate(c.Rule, c.State, c.Values, buffer);
            var used = buffer[..outcome.EvaluatedCount];
            return outcome.EvaluatedCount <= c.Rule.EvaluationPeriods
                && used.Count(p => p.Breaching) == outcome.Breaching
                && (outcome.Kind is not (OutcomeKind.Compared or OutcomeKind.DecidedOnFewer)
                    || (outcome.State == AlarmState.Alarm) == (outcome.Breaching >= c.Rule.DatapointsToAlarm));
        });

    [Fact]
    public void Treating_missing_data_as_breaching_never_gives_ok_where_not_breaching_gives_alarm() =>
        Case.Sample(c =>
        {
            var breaching = Points.Evaluate(c.Rule with { TreatMissingData = MissingDataTreatment.Breaching }, c.State, c.Values).State;
            var notBreaching = Points.Evaluate(c.Rule with { TreatMissingData = MissingDataTreatment.NotBreaching }, c.State, c.Values).State;
            return !(notBreaching == AlarmState.Alarm && breaching == AlarmState.Ok);
        });

    [Fact]
    public void Evaluation_is_deterministic_and_reasons_always_render() =>
        Case.Sample(c =>
        {
            var spec = new MetricSpec("m", AlarmStatistic.Average, 60, c.Rule, null);
            var first = AlarmCheck.Run(spec, c.State, c.Values);
            var second = AlarmCheck.Run(spec, c.State, c.Values);
            return first.Outcome == second.Outcome && first.Reason == second.Reason && first.Reason.Length > 10 && first.Reason.EndsWith('.');
        });
}
