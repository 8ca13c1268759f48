namespace Autoscaler.Scaling.Simulation;

/// <summary>The decision taken at one evaluation of a simulation.</summary>
public sealed record SimulatedDecision(DateTimeOffset At, ScalingDecision Decision);
