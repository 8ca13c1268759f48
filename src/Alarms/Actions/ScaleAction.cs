using Autoscaler.Scaling.Policies;

namespace Autoscaler.Alarms.Actions;

/// <summary>
/// Remediation by scaling (the AWS model: alarms drive step scaling). One of: <see cref="Policy"/>, a step-scaling policy
/// of the target run with the alarm's breaching value as its metric value; <see cref="Steps"/>, a step-scaling policy of
/// the action's own, its bounds relative to the alarm's threshold; or a fixed <see cref="Adjustment"/> capped at
/// <see cref="Max"/> (the seed's "current + 2, max 50"). The result goes through the target's decision protocol:
/// supervisor limits, write-ahead, actuator, history.
/// </summary>
/// <param name="CooldownSeconds">Minimum time between two runs.</param>
/// <param name="Target">The target to scale (default: the alarm's).</param>
/// <param name="Policy">A step-scaling policy of the target, by name.</param>
/// <param name="Steps">An inline step-scaling policy.</param>
/// <param name="Adjustment">A fixed change of capacity.</param>
/// <param name="Max">The cap of a fixed adjustment.</param>
public sealed record ScaleAction(int CooldownSeconds, string Target, string? Policy, StepScalingPolicy? Steps, int? Adjustment, int? Max)
    : AlarmAction(CooldownSeconds)
{
    /// <summary>Default cooldown: five minutes (AWS's step-scaling default).</summary>
    public const int DefaultCooldownSeconds = 300;

    /// <inheritdoc />
    public override string Kind => "scale";

    /// <inheritdoc />
    public override string Describe() =>
        Policy is not null ? $"scale {Target} by policy {Policy}"
        : Steps is not null ? $"scale {Target} by steps"
        : $"scale {Target} {Adjustment:+0;-0;0}" + (Max is { } max ? $" (max {max})" : string.Empty);
}
