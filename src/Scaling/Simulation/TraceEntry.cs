using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>Recorded metrics at one moment of a trace.</summary>
public sealed record TraceEntry(DateTimeOffset At, IReadOnlyDictionary<string, MetricReading> Metrics);
