namespace Autoscaler.Scaling.Simulation;

/// <summary>A closed-loop metric: what one running instance can serve of it (the contract's <c>demand.NAME.perInstance</c>).</summary>
/// <param name="Name">The metric's name, as policies read it.</param>
/// <param name="PerInstance">Demand one running instance serves (&gt; 0).</param>
public sealed record DemandMetric(string Name, double PerInstance);
