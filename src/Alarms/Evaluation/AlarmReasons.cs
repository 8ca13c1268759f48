using System.Text;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Evaluation;

/// <summary>
/// The <c>reason</c> of an evaluation, one sentence in CloudWatch's form: <c>Threshold Crossed: 3 out of the last 3
/// datapoints [97.1, 95.5, 91.0] were greater than the threshold (90.0) (minimum 3 datapoints for OK -> ALARM
/// transition).</c> Datapoints are listed newest first; for ALARM the breaching ones, for OK the others.
/// </summary>
public static class AlarmReasons
{
    /// <summary>The reason of <paramref name="outcome"/>; the spans are the ones <see cref="MetricAlarmEvaluator.Evaluate"/> saw and wrote.</summary>
    public static string Describe(
        MetricAlarmRule rule,
        AlarmOutcome outcome,
        ReadOnlySpan<EvaluatedPoint> evaluated,
        ReadOnlySpan<double> lower = default,
        ReadOnlySpan<double> upper = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var points = evaluated[..outcome.EvaluatedCount];
        var text = new StringBuilder(160);
        switch (outcome.Kind)
        {
            case OutcomeKind.NoData:
                text.Append($"Insufficient Data: {Count(outcome.RangeLength, "datapoint")} {(outcome.RangeLength == 1 ? "was" : "were")} unknown.");
                return text.ToString();
            case OutcomeKind.ModelNotReady:
                text.Append("Insufficient Data: the anomaly model does not have enough history yet.");
                return text.ToString();
            case OutcomeKind.Retained:
                Retained(text, rule, outcome, points);
                return text.ToString();
            case OutcomeKind.TooFewDatapoints:
                text.Append($"Insufficient Data: only {outcome.RealCount} of the {rule.EvaluationPeriods} datapoints needed {(outcome.RealCount == 1 ? "was" : "were")} received ");
                Values(text, points, breaching: true);
                text.Append($", breaching but fewer than the {rule.DatapointsToAlarm} needed for ALARM.");
                return text.ToString();
            case OutcomeKind.SustainedBreach:
                SustainedBreach(text, rule, outcome, points, lower, upper);
                return text.ToString();
            default:
                break;
        }

        if (points.Length > 0 && HasFill(points))
        {
            WithFills(text, rule, outcome, points);
        }
        else
        {
            Crossed(text, rule, outcome, points, lower, upper);
        }

        Transition(text, rule, outcome);
        text.Append('.');
        return text.ToString();
    }

    private static void Crossed(
        StringBuilder text, MetricAlarmRule rule, AlarmOutcome outcome, ReadOnlySpan<EvaluatedPoint> points,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var alarm = outcome.State == AlarmState.Alarm;
        var counted = alarm ? outcome.Breaching : points.Length - outcome.Breaching;
        text.Append(rule.IsBand ? "Thresholds Crossed: " : "Threshold Crossed: ");
        if (outcome.Kind == OutcomeKind.DecidedOnFewer)
        {
            text.Append($"{counted} out of the {Count(points.Length, "datapoint")} received in the last {outcome.RangeLength} periods ");
        }
        else if (rule.EvaluationPeriods == 1)
        {
            text.Append("1 datapoint ");
        }
        else
        {
            text.Append($"{counted} out of the last {rule.EvaluationPeriods} datapoints ");
        }

        Values(text, points, breaching: alarm);
        text.Append(counted == 1 ? " was " : " were ");
        Comparison(text, rule, points, breaching: alarm, lower, upper);
    }

    private static void WithFills(StringBuilder text, MetricAlarmRule rule, AlarmOutcome outcome, ReadOnlySpan<EvaluatedPoint> points)
    {
        var fills = 0;
        foreach (var point in points)
        {
            fills += point.Fill == PointFill.None ? 0 : 1;
        }

        var treatment = rule.TreatMissingData == MissingDataTreatment.Breaching ? "Breaching" : "NotBreaching";
        text.Append(rule.IsBand ? "Thresholds Crossed: " : "Threshold Crossed: ");
        if (outcome.RealCount == 0)
        {
            text.Append($"no datapoints were received for {Count(outcome.RangeLength, "period")} and {Count(fills, "missing datapoint")} ");
            text.Append($"{(fills == 1 ? "was" : "were")} treated as [{treatment}]");
            return;
        }

        text.Append($"{outcome.Breaching} out of the last {rule.EvaluationPeriods} datapoints were breaching: ");
        text.Append($"{Count(outcome.RealCount, "datapoint")} received ");
        var real = new EvaluatedPoint[points.Length - fills];
        var next = 0;
        foreach (var point in points)
        {
            if (point.Fill == PointFill.None)
            {
                real[next++] = point;
            }
        }

        AllValues(text, real);
        text.Append($" and {Count(fills, "missing datapoint")} treated as [{treatment}], against ");
        Threshold(text, rule);
    }

    private static void SustainedBreach(
        StringBuilder text, MetricAlarmRule rule, AlarmOutcome outcome, ReadOnlySpan<EvaluatedPoint> points,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var oldest = points[^1];
        var age = outcome.RangeLength - oldest.Index;
        text.Append(rule.IsBand ? "Thresholds Crossed: " : "Threshold Crossed: ");
        text.Append(points.Length == 1 ? "the only datapoint " : $"all {points.Length} datapoints received ");
        Values(text, points, breaching: true);
        text.Append(points.Length == 1 ? " was " : " were ");
        Comparison(text, rule, points, breaching: true, lower, upper);
        text.Append($", the oldest {Count(age, "period")} ago, and no datapoint since is within it");
        Transition(text, rule, outcome);
        text.Append('.');
    }

    private static void Retained(StringBuilder text, MetricAlarmRule rule, AlarmOutcome outcome, ReadOnlySpan<EvaluatedPoint> points)
    {
        if (outcome.RealCount == 0)
        {
            text.Append($"No datapoints were received for {Count(outcome.RangeLength, "period")}; ");
        }
        else
        {
            text.Append($"Only {outcome.RealCount} of the {rule.EvaluationPeriods} datapoints needed {(outcome.RealCount == 1 ? "was" : "were")} received ");
            Values(text, points, breaching: true);
            text.Append($", breaching but fewer than the {rule.DatapointsToAlarm} needed for ALARM; ");
        }

        text.Append($"missing data is ignored, so the alarm stays in {AlarmStates.Name(outcome.State)}.");
    }

    private static void Transition(StringBuilder text, MetricAlarmRule rule, AlarmOutcome outcome)
    {
        if (!outcome.Changed || outcome.State == AlarmState.InsufficientData)
        {
            return;
        }

        var minimum = outcome.State == AlarmState.Alarm ? rule.DatapointsToAlarm : rule.DatapointsToOk;
        text.Append($" (minimum {Count(minimum, "datapoint")} for {AlarmStates.Name(outcome.Previous)} -> {AlarmStates.Name(outcome.State)} transition)");
    }

    private static void Comparison(
        StringBuilder text, MetricAlarmRule rule, ReadOnlySpan<EvaluatedPoint> points, bool breaching,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (!rule.IsBand)
        {
            text.Append(breaching ? string.Empty : "not ").Append(Comparisons.Phrase(rule.Comparison)).Append(" the threshold (");
            text.Append(NumberText.Format(rule.Threshold)).Append(')');
            return;
        }

        text.Append(breaching ? Comparisons.Phrase(rule.Comparison) : "within the bands").Append(" [");
        var first = true;
        foreach (var point in points)
        {
            if (point.Breaching != breaching || point.Fill != PointFill.None)
            {
                continue;
            }

            text.Append(first ? string.Empty : ", ");
            first = false;
            text.Append(rule.Comparison switch
            {
                ComparisonOperator.GreaterThanUpperThreshold => NumberText.Format(upper[point.Index]),
                ComparisonOperator.LessThanLowerThreshold => NumberText.Format(lower[point.Index]),
                _ => $"{NumberText.Format(lower[point.Index])}..{NumberText.Format(upper[point.Index])}",
            });
        }

        text.Append(']');
    }

    private static void Threshold(StringBuilder text, MetricAlarmRule rule) =>
        text.Append(rule.IsBand ? "the anomaly band" : $"the threshold ({NumberText.Format(rule.Threshold)})");

    private static void Values(StringBuilder text, ReadOnlySpan<EvaluatedPoint> points, bool breaching)
    {
        text.Append('[');
        var first = true;
        foreach (var point in points)
        {
            if (point.Breaching == breaching && point.Fill == PointFill.None)
            {
                text.Append(first ? string.Empty : ", ").Append(NumberText.Format(point.Value));
                first = false;
            }
        }

        text.Append(']');
    }

    private static void AllValues(StringBuilder text, ReadOnlySpan<EvaluatedPoint> points)
    {
        text.Append('[');
        for (var i = 0; i < points.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(NumberText.Format(points[i].Value));
        }

        text.Append(']');
    }

    private static bool HasFill(ReadOnlySpan<EvaluatedPoint> points)
    {
        foreach (var point in points)
        {
            if (point.Fill != PointFill.None)
            {
                return true;
            }
        }

        return false;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
