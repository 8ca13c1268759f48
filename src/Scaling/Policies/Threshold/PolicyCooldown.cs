namespace Autoscaler.Scaling.Policies;

/// <summary>
/// The seed-style cooldown of threshold and weighted-score policies: after any scale event credited to the policy, the
/// policy holds at current (either direction) for <c>cooldownSeconds</c> (seed 001: "minimum time between scaling actions").
/// </summary>
internal static class PolicyCooldown
{
    /// <summary>When the policy last scaled within the cooldown, or null when it may act.</summary>
    public static DateTimeOffset? Running(PolicyContext context, string policy, int cooldownSeconds)
    {
        if (cooldownSeconds <= 0)
        {
            return null;
        }

        var activity = context.ActivityOf(policy, cooldownSeconds);
        return (activity.LastScaleOut, activity.LastScaleIn) switch
        {
            ({ } o, { } i) => o > i ? o : i,
            ({ } o, null) => o,
            (null, { } i) => i,
            _ => null,
        };
    }

    /// <summary>The vote that holds current during a cooldown.</summary>
    public static PolicyProposal Hold(ScalingPolicy policy, PolicyContext context, int wanted, DateTimeOffset last, int cooldownSeconds, string reading)
    {
        var left = cooldownSeconds - (int)(context.Now - last).TotalSeconds;
        var line = $"{policy.Name}: {reading} -> {wanted}, but its {cooldownSeconds} s cooldown runs ({left} s left) -> {context.Target.Current}";
        return new PolicyProposal(policy.Name, policy.Type, ProposalStatus.BlockedByCooldown, context.Target.Current, line);
    }
}
