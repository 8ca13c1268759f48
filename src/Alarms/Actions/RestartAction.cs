namespace Autoscaler.Alarms.Actions;

/// <summary>
/// Remediation by restart: a new deployment of the target's workload (ECS <c>UpdateService</c> with
/// <c>forceNewDeployment</c>, Kubernetes rollout restart, Compose restart). Rate-limited per target on the silo;
/// <see cref="DryRun"/> records what would have happened without doing it.
/// </summary>
/// <param name="CooldownSeconds">Minimum time between two runs.</param>
/// <param name="Target">The target to restart (default: the alarm's).</param>
/// <param name="DryRun">Only record "would restart".</param>
public sealed record RestartAction(int CooldownSeconds, string Target, bool DryRun) : AlarmAction(CooldownSeconds)
{
    /// <summary>Default cooldown: ten minutes.</summary>
    public const int DefaultCooldownSeconds = 600;

    /// <inheritdoc />
    public override string Kind => "restart";

    /// <inheritdoc />
    public override string Describe() => $"restart {Target}" + (DryRun ? " (dry run)" : string.Empty);
}
