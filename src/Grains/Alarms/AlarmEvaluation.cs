using Autoscaler.Alarms;
using Autoscaler.Alarms.Anomaly;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// Evaluates an alarm at a period boundary with the engine: reads the range, fits the anomaly model when the ring has
/// grown by an hour, compares, and returns the new state with its reason only when it changed (a steady alarm renders
/// nothing). Composites read the states of the alarms their rule names.
/// </summary>
internal sealed class AlarmEvaluation(LiveAlarm alarm, AlarmDatapointSource source, IGrainFactory grains)
{
    private static readonly AnomalyModelOptions ModelOptions = AnomalyModelOptions.Default with { ProfileStep = TimeSpan.FromHours(1) };

    /// <summary>The metric alarm's evaluation of the range ending at <paramref name="boundary"/>; null when the state holds.</summary>
    public async Task<(AlarmState To, string Reason)?> MetricAsync(DateTimeOffset boundary)
    {
        var metric = alarm.Defined.Metric!;
        var values = await source.ReadAsync(alarm, boundary, ClusterRules.RangeLength(metric));
        double[] lower = [], upper = [];
        AlarmOutcome outcome;
        if (metric.BandWidth is { } width)
        {
            FitIfDue();
            if (alarm.Model is not { } model)
            {
                outcome = new AlarmOutcome(AlarmState.InsufficientData, alarm.State, OutcomeKind.ModelNotReady, 0, 0, 0, values.Length);
                return Changed(metric, outcome, values, lower, upper);
            }

            var bands = AlarmCheck.Bands(model, width, metric.PeriodSeconds, values.Length, boundary);
            lower = [.. bands.Select(b => b.Lower)];
            upper = [.. bands.Select(b => b.Upper)];
            alarm.Band = new AlarmBand(bands[^1].Expected, bands[^1].Lower, bands[^1].Upper);
        }

        outcome = MetricAlarmEvaluator.Evaluate(metric.Rule, alarm.State, values, alarm.Buffer, lower, upper);
        return Changed(metric, outcome, values, lower, upper);
    }

    /// <summary>Records the datapoint of the hour ending at <paramref name="boundary"/> (long periods, between evaluations).</summary>
    public Task CollectAsync(DateTimeOffset boundary) => source.ReadAsync(alarm, boundary, 1);

    /// <summary>The composite's state from the states of the alarms it names; null when it holds.</summary>
    public async Task<(AlarmState To, string Reason)?> CompositeAsync()
    {
        var rule = alarm.Defined.Rule!;
        var states = new Dictionary<string, AlarmState>(StringComparer.Ordinal);
        foreach (var (name, _) in rule.Alarms)
        {
            var text = await grains.GetGrain<IAlarmGrain>(name).GetStateAsync();
            states[name] = AlarmStates.TryParse(text, out var state) ? state : AlarmState.InsufficientData;
        }

        AlarmState StateOf(string name) => states[name];
        var to = rule.Evaluate(StateOf);
        return to == alarm.State ? null : (to, rule.Explain(StateOf));
    }

    private (AlarmState, string)? Changed(MetricSpec metric, AlarmOutcome outcome, double[] values, double[] lower, double[] upper)
    {
        alarm.LastBreach = null;
        for (var i = 0; i < outcome.EvaluatedCount; i++)
        {
            if (alarm.Buffer[i] is { Breaching: true, Fill: PointFill.None } point)
            {
                alarm.LastBreach = point.Value;
                break;
            }
        }

        return outcome.Changed ? (outcome.State, AlarmReasons.Describe(metric.Rule, outcome, alarm.Buffer, lower, upper)) : null;
    }

    private void FitIfDue()
    {
        var ring = alarm.Ring;
        if (ring.LastEnd is not { } last || (alarm.ModelFittedTo is { } fitted && last - fitted < TimeSpan.FromHours(1)))
        {
            return;
        }

        var values = ring.ToArray();
        alarm.Model = AnomalyModel.Fit(values, ring.FirstEnd - ring.Step, ring.Step, ModelOptions);
        alarm.ModelFittedTo = last;
    }
}
