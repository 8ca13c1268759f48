namespace Autoscaler.Grains.Interfaces;

/// <summary>One value of a recorded series at a time.</summary>
/// <param name="At">When the value starts to hold.</param>
/// <param name="Value">The value.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TracePoint")]
public sealed record TracePoint(DateTimeOffset At, double Value);
