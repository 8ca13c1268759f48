using Autoscaler.Alarms.Anomaly;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Json;

/// <summary>An <c>alarms evaluate</c> document: one metric alarm, its current state and its evaluation range.</summary>
/// <param name="Alarm">The alarm (a metric alarm).</param>
/// <param name="State">The current state (default INSUFFICIENT_DATA, a new alarm).</param>
/// <param name="Datapoints">The range, oldest first, NaN for a missing period.</param>
/// <param name="Anomaly">For a band alarm: its history and the range's end.</param>
public sealed record EvaluateRequest(AlarmDefinition Alarm, AlarmState State, double[] Datapoints, AnomalyInput? Anomaly)
{
    /// <summary>Evaluates the document: fits the anomaly model on the history first, for a band alarm.</summary>
    public AlarmCheckResult Run()
    {
        var spec = Alarm.Metric!;
        if (Anomaly is not { } anomaly)
        {
            return AlarmCheck.Run(spec, State, Datapoints);
        }

        var history = anomaly.History;
        var model = AnomalyModel.Fit([.. history.Values], history.Start, history.Step);
        return AlarmCheck.Run(spec, State, Datapoints, model, anomaly.End);
    }
}
