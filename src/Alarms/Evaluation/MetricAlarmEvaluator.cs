using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Evaluation;

/// <summary>
/// One evaluation of a metric alarm with CloudWatch's semantics ("Using Amazon CloudWatch alarms": evaluation periods,
/// datapoints to alarm, the evaluation range; "Configuring how CloudWatch alarms treat missing data" and its two tables,
/// reproduced row for row by the tests). Pure and allocation-free: the range comes in as a span (oldest first, NaN =
/// missing period), the evaluated datapoints go into the caller's buffer, newest first.
/// </summary>
/// <remarks>
/// <para>With at least N real datapoints in the range, the N most recent real ones decide, wherever the gaps are, and
/// <c>treatMissingData</c> is not used: at least M breaching is ALARM, otherwise OK.</para>
/// <para>With none: <c>missing</c> → INSUFFICIENT_DATA, <c>ignore</c> → unchanged, <c>breaching</c> / <c>notBreaching</c>
/// fill all N periods.</para>
/// <para>With some but fewer than N: <c>breaching</c> / <c>notBreaching</c> fill the N − real most recent missing periods
/// and every real datapoint counts, however old. <c>missing</c> and <c>ignore</c> decide on the real ones when they can:
/// M breaching is ALARM, one within the threshold is OK (rows 2 of table 1, 3 and 4 of table 2). Only breaching
/// datapoints, fewer than M: <c>ignore</c> keeps the state; <c>missing</c> is ALARM when the oldest breaching
/// datapoint is at least M periods old (nothing since contradicts a sustained breach: row 6 of table 1), else
/// INSUFFICIENT_DATA (row 5).</para>
/// </remarks>
public static class MetricAlarmEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="values"/> (the range, oldest first, NaN = missing) from state <paramref name="current"/>.
    /// For a band rule, <paramref name="lower"/> and <paramref name="upper"/> give each datapoint's band (NaN = no band:
    /// the datapoint counts as missing). <paramref name="evaluated"/> must hold at least N entries.
    /// </summary>
    public static AlarmOutcome Evaluate(
        MetricAlarmRule rule,
        AlarmState current,
        ReadOnlySpan<double> values,
        Span<EvaluatedPoint> evaluated,
        ReadOnlySpan<double> lower = default,
        ReadOnlySpan<double> upper = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var n = rule.EvaluationPeriods;
        if (evaluated.Length < n)
        {
            throw new ArgumentException($"the buffer must hold {n} entries", nameof(evaluated));
        }

        if (rule.IsBand && (lower.Length != values.Length || upper.Length != values.Length))
        {
            throw new ArgumentException("a band rule needs a band for every datapoint", nameof(lower));
        }

        var real = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (IsReal(rule, values, lower, i))
            {
                real++;
            }
        }

        if (real >= n)
        {
            return Compare(rule, current, values, evaluated, lower, upper, real);
        }

        if (real == 0)
        {
            return rule.TreatMissingData switch
            {
                MissingDataTreatment.Missing => new(AlarmState.InsufficientData, current, OutcomeKind.NoData, 0, 0, 0, values.Length),
                MissingDataTreatment.Ignore => new(current, current, OutcomeKind.Retained, 0, 0, 0, values.Length),
                _ => Filled(rule, current, values, evaluated, lower, upper, real),
            };
        }

        return rule.TreatMissingData is MissingDataTreatment.Breaching or MissingDataTreatment.NotBreaching
            ? Filled(rule, current, values, evaluated, lower, upper, real)
            : OnFewer(rule, current, values, evaluated, lower, upper, real);
    }

    /// <summary>Whether datapoint <paramref name="index"/> of the range counts as breaching.</summary>
    public static bool Breaches(MetricAlarmRule rule, ReadOnlySpan<double> values, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int index)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.IsBand
            ? Comparisons.BreachesBand(rule.Comparison, values[index], lower[index], upper[index])
            : Comparisons.Breaches(rule.Comparison, values[index], rule.Threshold);
    }

    private static AlarmOutcome Compare(
        MetricAlarmRule rule, AlarmState current, ReadOnlySpan<double> values, Span<EvaluatedPoint> evaluated,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int real)
    {
        var count = 0;
        var breaching = 0;
        for (var i = values.Length - 1; i >= 0 && count < rule.EvaluationPeriods; i--)
        {
            if (!IsReal(rule, values, lower, i))
            {
                continue;
            }

            var breaches = Breaches(rule, values, lower, upper, i);
            breaching += breaches ? 1 : 0;
            evaluated[count++] = new EvaluatedPoint(i, values[i], breaches, PointFill.None);
        }

        var state = breaching >= rule.DatapointsToAlarm ? AlarmState.Alarm : AlarmState.Ok;
        return new AlarmOutcome(state, current, OutcomeKind.Compared, count, breaching, real, values.Length);
    }

    // Every real datapoint counts, however old; the most recent missing periods are filled, as few as possible.
    private static AlarmOutcome Filled(
        MetricAlarmRule rule, AlarmState current, ReadOnlySpan<double> values, Span<EvaluatedPoint> evaluated,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int real)
    {
        var fills = rule.EvaluationPeriods - real;
        var fillBreaching = rule.TreatMissingData == MissingDataTreatment.Breaching;
        var fill = fillBreaching ? PointFill.Breaching : PointFill.NotBreaching;
        var count = 0;
        var breaching = 0;
        for (var i = values.Length - 1; i >= 0; i--)
        {
            if (IsReal(rule, values, lower, i))
            {
                var breaches = Breaches(rule, values, lower, upper, i);
                breaching += breaches ? 1 : 0;
                evaluated[count++] = new EvaluatedPoint(i, values[i], breaches, PointFill.None);
            }
            else if (fills > 0)
            {
                fills--;
                breaching += fillBreaching ? 1 : 0;
                evaluated[count++] = new EvaluatedPoint(i, double.NaN, fillBreaching, fill);
            }
        }

        var state = breaching >= rule.DatapointsToAlarm ? AlarmState.Alarm : AlarmState.Ok;
        return new AlarmOutcome(state, current, OutcomeKind.Compared, count, breaching, real, values.Length);
    }

    private static AlarmOutcome OnFewer(
        MetricAlarmRule rule, AlarmState current, ReadOnlySpan<double> values, Span<EvaluatedPoint> evaluated,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int real)
    {
        var count = 0;
        var breaching = 0;
        var oldestBreaching = -1;
        for (var i = values.Length - 1; i >= 0; i--)
        {
            if (!IsReal(rule, values, lower, i))
            {
                continue;
            }

            var breaches = Breaches(rule, values, lower, upper, i);
            if (breaches)
            {
                breaching++;
                oldestBreaching = i;
            }

            evaluated[count++] = new EvaluatedPoint(i, values[i], breaches, PointFill.None);
        }

        var length = values.Length;
        AlarmOutcome Outcome(AlarmState state, OutcomeKind kind) => new(state, current, kind, count, breaching, real, length);

        if (breaching >= rule.DatapointsToAlarm)
        {
            return Outcome(AlarmState.Alarm, OutcomeKind.DecidedOnFewer);
        }

        if (breaching < real)
        {
            return Outcome(AlarmState.Ok, OutcomeKind.DecidedOnFewer);
        }

        if (rule.TreatMissingData == MissingDataTreatment.Ignore)
        {
            return Outcome(current, OutcomeKind.Retained);
        }

        var age = length - oldestBreaching;
        return age >= rule.DatapointsToAlarm
            ? Outcome(AlarmState.Alarm, OutcomeKind.SustainedBreach)
            : Outcome(AlarmState.InsufficientData, OutcomeKind.TooFewDatapoints);
    }

    private static bool IsReal(MetricAlarmRule rule, ReadOnlySpan<double> values, ReadOnlySpan<double> lower, int index) =>
        !double.IsNaN(values[index]) && (!rule.IsBand || !double.IsNaN(lower[index]));
}
