namespace Autoscaler.Grains.Interfaces;

/// <summary>A scalable target as operators register it.</summary>
/// <param name="Id">Target id: letters, digits, '-' and '_' (also its telemetry subject token).</param>
/// <param name="Min">Lowest capacity.</param>
/// <param name="Max">Highest capacity.</param>
/// <param name="InitialCapacity">Capacity assumed until the actuator reports one.</param>
/// <param name="Actuator">Where capacity is applied.</param>
/// <param name="UnitCostPerHour">Price of one capacity unit for one hour.</param>
/// <param name="Priority">Higher wins when cluster limits bind.</param>
/// <param name="Flags">Enable, dry-run and suspend switches.</param>
/// <param name="EvaluationIntervalSeconds">How often the policies are evaluated (1 to 3600, default 15).</param>
/// <param name="BehaviorJson">Kubernetes-style <c>behavior</c> JSON (null = the Kubernetes defaults).</param>
/// <param name="Consensus">Null for the default combination, else <c>majority</c>, <c>unanimous</c> or <c>quorum:N</c>.</param>
/// <param name="Scope">The supervisor scope this target belongs to.</param>
/// <param name="AgentPool">Set when the target is an agent pool.</param>
/// <param name="SafetyJson">Optional engine safety settings as JSON: <c>{ "scaleToZero": {...}, "fallback": {...} }</c>.</param>
/// <param name="FreshnessSeconds">Samples older than this are not acted on (no scale-out, no scale-in: the no-data and
/// fallback rules apply instead); null: three evaluation intervals.</param>
/// <param name="DriftAction">What to do when the actuator reports another capacity than the one in effect for longer than
/// <paramref name="DriftSeconds"/>: <c>adopt</c> (take the observed capacity as current, as Kubernetes HPA and AWS do;
/// the default), <c>reassert</c> (apply the capacity in effect again) or <c>none</c> (only flag it).</param>
/// <param name="DriftSeconds">How long a drift may last before it is flagged and acted on; null: 120.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetDefinition")]
public sealed record TargetDefinition(
    string Id,
    int Min,
    int Max,
    int InitialCapacity,
    ActuatorBinding Actuator,
    decimal UnitCostPerHour = 0m,
    int Priority = 0,
    ScalingFlags? Flags = null,
    int EvaluationIntervalSeconds = 15,
    string? BehaviorJson = null,
    string? Consensus = null,
    string Scope = "default",
    AgentPoolSettings? AgentPool = null,
    string? SafetyJson = null,
    int? FreshnessSeconds = null,
    string? DriftAction = null,
    int? DriftSeconds = null)
{
    /// <summary>How old a sample may be and still be acted on: <see cref="FreshnessSeconds"/>, else three evaluation intervals.</summary>
    public TimeSpan Freshness => TimeSpan.FromSeconds(FreshnessSeconds ?? (3 * EvaluationIntervalSeconds));

    /// <summary>How long a drift may last before it is acted on: <see cref="DriftSeconds"/>, else two minutes.</summary>
    public TimeSpan DriftLimit => TimeSpan.FromSeconds(DriftSeconds ?? 120);
}
