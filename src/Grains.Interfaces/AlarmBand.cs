namespace Autoscaler.Grains.Interfaces;

/// <summary>An anomaly alarm's band at the newest evaluated period, for charts.</summary>
/// <param name="Expected">The model's expected value.</param>
/// <param name="Lower">Lower edge.</param>
/// <param name="Upper">Upper edge.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AlarmBand")]
public sealed record AlarmBand(double Expected, double Lower, double Upper);
