namespace Autoscaler.Scaling.Policies;

/// <summary>
/// A policy's override of the target's bounds for this evaluation (a scheduled action's min/max, a predictive policy
/// raising max). A null field leaves that bound as it is.
/// </summary>
public readonly record struct CapacityBounds(int? Min, int? Max);
