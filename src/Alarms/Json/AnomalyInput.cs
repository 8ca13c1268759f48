using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Alarms.Json;

/// <summary>An offline anomaly evaluation's extra input: the metric's history (the model's training data) and when the
/// newest datapoint's period ends (each datapoint's band is the model's at its period's start).</summary>
/// <param name="History">The history, oldest first.</param>
/// <param name="End">End of the newest datapoint's period.</param>
public sealed record AnomalyInput(HistorySeries History, DateTimeOffset End);
