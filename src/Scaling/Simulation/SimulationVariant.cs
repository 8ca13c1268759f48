namespace Autoscaler.Scaling.Simulation;

/// <summary>One named policy set of a comparison, simulated on a trace shared with the others.</summary>
/// <param name="Name">Shown in tables, charts and output.</param>
/// <param name="Request">The simulation.</param>
public sealed record SimulationVariant(string Name, SimulationRequest Request);
