namespace Autoscaler.Scaling.Safety;

/// <summary>
/// Scaling to and from zero as KEDA does (top-level <c>scaleToZero</c> extension). The target is active while any listed
/// metric is above its activation threshold. Inactive for <see cref="CooldownSeconds"/> → scale to 0 (needs min 0);
/// at 0 and active → scale to at least 1. Between, the policies decide with min raised to 1.
/// </summary>
/// <param name="ActivationThresholds">Metric name → activation threshold.</param>
/// <param name="CooldownSeconds">How long the target must stay inactive before it is scaled to zero.</param>
public sealed record ScaleToZero(IReadOnlyDictionary<string, double> ActivationThresholds, int CooldownSeconds);
