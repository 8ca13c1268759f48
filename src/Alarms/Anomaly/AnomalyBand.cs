namespace Autoscaler.Alarms.Anomaly;

/// <summary>The band at one time: what the model expects, and expected ± width × spread.</summary>
/// <param name="Expected">The model's expected value.</param>
/// <param name="Lower">Lower edge.</param>
/// <param name="Upper">Upper edge.</param>
public readonly record struct AnomalyBand(double Expected, double Lower, double Upper);
