using Autoscaler.Alarms.Anomaly;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Evaluation;

/// <summary>
/// One metric alarm evaluation with its reason, static threshold or anomaly band alike: what the offline command runs,
/// and what the alarm grains run when the state changes. The allocation-free path is <see cref="MetricAlarmEvaluator"/>.
/// </summary>
public static class AlarmCheck
{
    /// <summary>
    /// Evaluates <paramref name="datapoints"/> (oldest first, NaN = missing). For a band alarm, <paramref name="model"/>
    /// gives the bands (null: the model is not ready, INSUFFICIENT_DATA) at each period's start, the newest period
    /// ending at <paramref name="end"/>.
    /// </summary>
    public static AlarmCheckResult Run(MetricSpec spec, AlarmState current, double[] datapoints, AnomalyModel? model = null, DateTimeOffset end = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(datapoints);
        var buffer = new EvaluatedPoint[spec.Rule.EvaluationPeriods + datapoints.Length];
        if (spec.BandWidth is not { } width)
        {
            var outcome = MetricAlarmEvaluator.Evaluate(spec.Rule, current, datapoints, buffer);
            return new AlarmCheckResult(outcome, buffer[..outcome.EvaluatedCount], AlarmReasons.Describe(spec.Rule, outcome, buffer), null);
        }

        if (model is null)
        {
            var notReady = new AlarmOutcome(AlarmState.InsufficientData, current, OutcomeKind.ModelNotReady, 0, 0, 0, datapoints.Length);
            return new AlarmCheckResult(notReady, [], AlarmReasons.Describe(spec.Rule, notReady, buffer), null);
        }

        var bands = Bands(model, width, spec.PeriodSeconds, datapoints.Length, end);
        var lower = bands.Select(b => b.Lower).ToArray();
        var upper = bands.Select(b => b.Upper).ToArray();
        var result = MetricAlarmEvaluator.Evaluate(spec.Rule, current, datapoints, buffer, lower, upper);
        return new AlarmCheckResult(result, buffer[..result.EvaluatedCount], AlarmReasons.Describe(spec.Rule, result, buffer, lower, upper), bands);
    }

    /// <summary>The band at the start of each of <paramref name="count"/> periods ending at <paramref name="end"/>.</summary>
    public static AnomalyBand[] Bands(AnomalyModel model, double width, int periodSeconds, int count, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(model);
        var bands = new AnomalyBand[count];
        for (var i = 0; i < count; i++)
        {
            bands[i] = model.Band(end.AddSeconds(-(double)periodSeconds * (count - i)), width);
        }

        return bands;
    }
}
