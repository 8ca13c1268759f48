using Autoscaler.Alarms.Anomaly;

namespace Autoscaler.Alarms.Evaluation;

/// <summary>One evaluation, rendered: the outcome, the datapoints it used (newest first), the reason and, for an anomaly
/// alarm, each datapoint's band.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Evaluated">The datapoints used, newest first.</param>
/// <param name="Reason">The reason sentence.</param>
/// <param name="Bands">The band of each datapoint of the range (anomaly alarms with a ready model); null otherwise.</param>
public sealed record AlarmCheckResult(AlarmOutcome Outcome, IReadOnlyList<EvaluatedPoint> Evaluated, string Reason, IReadOnlyList<AnomalyBand>? Bands);
