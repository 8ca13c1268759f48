namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// A <c>scale</c> action of an alarm for a target: one of <see cref="Policy"/> (a step-scaling policy of the target, run
/// with <see cref="BreachValue"/> as its metric value), <see cref="StepsPolicy"/> (the action's own step-scaling policy,
/// as the engine's policy JSON) or <see cref="Adjustment"/> capped at <see cref="Max"/>.
/// </summary>
/// <param name="Alarm">The alarm (the decision's actor is <c>alarm:{name}</c>).</param>
/// <param name="Policy">A step-scaling policy of the target.</param>
/// <param name="StepsPolicy">An inline step-scaling policy (JSON).</param>
/// <param name="Adjustment">A fixed change.</param>
/// <param name="Max">The cap of a fixed change.</param>
/// <param name="BreachValue">The alarm's newest breaching datapoint.</param>
/// <param name="Reason">The alarm's reason, kept in the decision's explanation.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AlarmScaleRequest")]
public sealed record AlarmScaleRequest(string Alarm, string? Policy, string? StepsPolicy, int? Adjustment, int? Max, double? BreachValue, string Reason);
