namespace Autoscaler.Optimization;

/// <summary>One target's profile and the options to optimise it with (an <c>optimize</c> document).</summary>
/// <param name="Profile">The target.</param>
/// <param name="Options">The options.</param>
public sealed record OptimizationInput(TargetProfile Profile, OptimizationOptions Options);
